using System.Diagnostics;

namespace Dsl.Tests.Shared;

/// <summary>Runs a program (python3 and the like) to its end; compiled into each test project that needs it (linked from tests/Shared).</summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>: its exit code, standard output and standard error (read together, so neither pipe fills).</summary>
    public static (int ExitCode, string Output, string Error) Run(string program, params string[] arguments) => RunIn(null, program, arguments);

    /// <summary>As <see cref="Run"/>, in <paramref name="workingDirectory"/> (the current directory when null).</summary>
    public static (int ExitCode, string Output, string Error) RunIn(string? workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
