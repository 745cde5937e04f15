using System.IO;
using System.Linq;
using Dsl.Tests.Shared;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>Runs a script with Debian's <c>python3-torch</c> (<c>/usr/bin/python3</c>); fails the test with what to install when it is missing.</summary>
internal static class PythonTorch
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; returns its standard output, fails on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        Assert.True(File.Exists(Python) && ChildProcess.Run(Python, "-c", "import torch").ExitCode == 0,
            $"These tests compare with PyTorch and need Debian's python3-torch ({Python} -c 'import torch' failed): " +
            "install it with 'sudo apt-get install -y python3-torch' (.ci/run installs it).");
        var (exitCode, stdout, stderr) = ChildProcess.Run(Python, new[] { "-c", script }.Concat(arguments).ToArray());
        Assert.True(exitCode == 0, $"python3 failed ({exitCode}): {stderr}");
        return stdout;
    }
}
