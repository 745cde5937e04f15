using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;

namespace Dsl.Checks;

/// <summary>
/// Runs <see cref="ConvolutionSelfCheck"/> at oneDNN's default kernels in a short child process, so the calling
/// process can still choose its kernels afterwards (oneDNN reads <c>DNNL_MAX_CPU_ISA</c> once, at first use). The
/// child is this same program, started with <c>DOTNET_STARTUP_HOOKS</c> pointing at this library: the hook
/// (<see cref="KernelCheckChild"/>) runs the check and exits before the program's <c>Main</c>, so any .NET entry
/// point works (an app host, <c>dotnet app.dll</c>, a test host) and the child resolves TorchSharp exactly as the
/// parent does.
/// </summary>
public static class KernelCheckProcess
{
    /// <summary>Set in the child's environment; the startup hook runs the check only when it sees it.</summary>
    public const string ChildVariable = "DSL_ONEDNN_CHECK_CHILD";

    /// <summary>The prefix of the child's one line of verdict on stdout.</summary>
    public const string VerdictPrefix = "dsl-onednn-check: ";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs the check in a child process and reads its verdict; never throws.</summary>
    public static KernelCheckResult Run()
    {
        try
        {
            return RunChild();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException or NotSupportedException)
        {
            return new KernelCheckResult(KernelCheckOutcome.Unavailable, $"the self-check's child process could not start ({e.Message}).");
        }
    }

    /// <summary>Reads the child's stdout: the verdict line, or null when there is none.</summary>
    public static KernelCheckResult? ParseVerdict(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        foreach (string line in stdout.Split('\n'))
        {
            string text = line.TrimEnd('\r');
            if (!text.StartsWith(VerdictPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string verdict = text[VerdictPrefix.Length..];
            if (verdict.StartsWith("pass", StringComparison.Ordinal))
            {
                return new KernelCheckResult(KernelCheckOutcome.Passed, verdict["pass".Length..].Trim());
            }

            if (verdict.StartsWith("fail", StringComparison.Ordinal))
            {
                return new KernelCheckResult(KernelCheckOutcome.Failed, verdict["fail".Length..].Trim());
            }
        }

        return null;
    }

    private static KernelCheckResult RunChild()
    {
        string? host = Environment.ProcessPath;
        string library = typeof(KernelCheckProcess).Assembly.Location;
        if (host is null || library.Length == 0)
        {
            return new KernelCheckResult(KernelCheckOutcome.Unavailable, "this process has no program file to start again (single-file or native host).");
        }

        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // dotnet app.dll or a test host: start the same entry assembly with the same dependency and runtime files.
            if (!AddDotnetArguments(start.ArgumentList, out string? why))
            {
                return new KernelCheckResult(KernelCheckOutcome.Unavailable, why);
            }
        }

        // An app host (the program's own executable) needs no arguments: the hook exits before Main reads them.
        string? hooks = Environment.GetEnvironmentVariable("DOTNET_STARTUP_HOOKS");
        start.Environment["DOTNET_STARTUP_HOOKS"] = string.IsNullOrEmpty(hooks) ? library : library + Path.PathSeparator + hooks;
        start.Environment[ChildVariable] = "1";
        start.Environment.Remove(ConvolutionSelfCheck.IsaVariable);

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned no process");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        child.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        child.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        if (!child.WaitForExit(Timeout))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            return new KernelCheckResult(KernelCheckOutcome.Unavailable, $"the self-check's child process did not finish within {Timeout.TotalSeconds:F0} s.");
        }

        child.WaitForExit(); // drains the asynchronous readers
        if (ParseVerdict(stdout.ToString()) is { } verdict)
        {
            return verdict;
        }

        string error = stderr.ToString().Trim();
        return new KernelCheckResult(
            KernelCheckOutcome.Unavailable,
            $"the self-check's child process exited with code {child.ExitCode} without a verdict{(error.Length > 0 ? ": " + FirstLine(error) : "")}.");
    }

    private static bool AddDotnetArguments(ICollection<string> arguments, out string why)
    {
        string? entry = Assembly.GetEntryAssembly()?.Location;
        string? deps = AppDepsFile();
        if (string.IsNullOrEmpty(entry))
        {
            why = "this process has no entry assembly to start again.";
            return false;
        }

        // A test host runs with the test project's runtime configuration beside its deps file; an app with its own.
        string? runtimeConfig = null;
        foreach (string? candidate in new[] { deps, entry })
        {
            if (!string.IsNullOrEmpty(candidate))
            {
                string path = Path.Combine(Path.GetDirectoryName(candidate)!, StripExtensions(Path.GetFileName(candidate)) + ".runtimeconfig.json");
                if (File.Exists(path))
                {
                    runtimeConfig = path;
                    break;
                }
            }
        }

        if (runtimeConfig is null)
        {
            why = $"no runtime configuration found beside {Path.GetFileName(deps ?? entry)}.";
            return false;
        }

        arguments.Add("exec");
        arguments.Add("--runtimeconfig");
        arguments.Add(runtimeConfig);
        if (!string.IsNullOrEmpty(deps) && File.Exists(deps))
        {
            arguments.Add("--depsfile");
            arguments.Add(deps);
        }

        arguments.Add(entry);
        why = "";
        return true;
    }

    /// <summary>The program's own deps file (the list also holds the shared frameworks'), the one in the program's folder.</summary>
    private static string? AppDepsFile()
    {
        string baseDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        foreach (string file in (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(Path.GetDirectoryName(Path.GetFullPath(file)), baseDirectory, StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary><c>App.deps.json</c> and <c>App.dll</c> both give <c>App</c>.</summary>
    private static string StripExtensions(string fileName) =>
        fileName.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) ? fileName[..^".deps.json".Length] : Path.GetFileNameWithoutExtension(fileName);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is not null)
        {
            lock (builder)
            {
                builder.Append(line).Append('\n');
            }
        }
    }
}
