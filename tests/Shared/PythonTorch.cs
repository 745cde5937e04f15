using System;
using System.Diagnostics;
using System.IO;
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
        Assert.True(File.Exists(Python) && Exit(Python, "-c", "import torch") == 0,
            $"These tests compare with PyTorch and need Debian's python3-torch ({Python} -c 'import torch' failed): " +
            "install it with 'sudo apt-get install -y python3-torch' (.ci/run installs it).");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(flag);
        start.ArgumentList.Add(what);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 failed ({process.ExitCode}): {stderr.Result}\n{stdout}");
        return stdout;
    }

    private static int Exit(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
