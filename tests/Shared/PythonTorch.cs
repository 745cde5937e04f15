using System.IO;
using System.Linq;
using Xunit;

namespace Dsl.Tests.Shared;

/// <summary>
/// Runs Debian's <c>python3-torch</c> (<c>/usr/bin/python3</c>): a script, or a module such as
/// <c>torch.distributed.run</c> (torchrun); fails the test with what to install when it is missing. Linked from
/// tests/Shared into the test projects that compare with PyTorch.
/// </summary>
internal static class PythonTorch
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; returns its standard output, fails on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments) => RunIn(null, "-c", script, arguments);

    /// <summary>
    /// Runs <c>python3 -m <paramref name="module"/> <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>;
    /// returns its standard output, fails on a non-zero exit.
    /// </summary>
    public static string RunModule(string workingDirectory, string module, params string[] arguments) => RunIn(workingDirectory, "-m", module, arguments);

    private static string RunIn(string? workingDirectory, string flag, string what, string[] arguments)
    {
        Assert.True(File.Exists(Python) && ChildProcess.Run(Python, "-c", "import torch").ExitCode == 0,
            $"These tests compare with PyTorch and need Debian's python3-torch ({Python} -c 'import torch' failed): " +
            "install it with 'sudo apt-get install -y python3-torch' (.ci/run installs it).");
        var (exitCode, stdout, stderr) = ChildProcess.RunIn(workingDirectory, Python, new[] { flag, what }.Concat(arguments).ToArray());
        Assert.True(exitCode == 0, $"python3 failed ({exitCode}): {stderr}\n{stdout}");
        return stdout;
    }
}
