using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Dsl.Tests.Shared;

/// <summary>
/// Child processes of the test projects (the dotnet CLI, csharp-ls), isolated from the MSBuild state of the test
/// run. Compiled into each test project that needs it (linked from tests/Shared), so there is one copy.
/// </summary>
public static class DotnetProcess
{
    /// <summary>
    /// `dotnet test` runs tests inside an MSBuild-started host: its MSBUILD* variables would point a child build (or
    /// a language server's MSBuild) at the outer build's state. Output in English, no telemetry or logo.
    /// </summary>
    public static void IsolateFromTestHost(ProcessStartInfo start)
    {
        foreach (string name in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(v => (string)v.Key))
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }

    /// <summary>Runs <c>dotnet args...</c>; its standard output then standard error, or a TimeoutException after <paramref name="timeout"/>.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs <c>dotnet args...</c> with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        IsolateFromTestHost(start);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", args)} did not finish within {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, new StringBuilder().Append(await stdout).Append(await stderr).ToString());
    }
}
