using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Dsl.Benchmarks;

/// <summary>A running step worker (<see cref="StepWorker"/> or the PyTorch script), spoken to line by line.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;

    private WorkerProcess(string name, Process process, string ready)
    {
        Name = name;
        this.process = process;
        Facts = ready.Split(' ').Skip(1).Where(p => p.Contains('=', StringComparison.Ordinal))
            .ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    }

    public string Name { get; }

    /// <summary>What the worker said when ready (<c>classifier</c> / <c>multitask</c> parameter counts, kernels, torch version).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    /// <summary>Starts a worker and waits for its <c>ready</c> line.</summary>
    public static WorkerProcess Start(string name, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: the worker did not start");
        string? ready = process.StandardOutput.ReadLine();
        if (ready is null || !ready.StartsWith("ready", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{name}: the worker said '{ready}' instead of 'ready'");
        }

        return new WorkerProcess(name, process, ready);
    }

    /// <summary>Milliseconds per step of <paramref name="net"/> / <paramref name="variant"/> over <paramref name="steps"/> steps.</summary>
    public double Run(string net, string variant, int threads, int steps)
    {
        process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {net} {variant} {threads} {steps}"));
        process.StandardInput.Flush();
        string? reply = process.StandardOutput.ReadLine();
        if (reply is null || !reply.StartsWith("ms ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Name}: 'run {net} {variant}' answered '{reply}'");
        }

        return double.Parse(reply[3..], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.WriteLine("quit");
            process.StandardInput.Flush();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
    }
}
