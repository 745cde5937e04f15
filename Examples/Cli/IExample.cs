using System.Collections.Generic;
using Dsl.Metadata;

namespace Examples.Cli;

/// <summary>
/// One seed program as a command (<c>dotnet run --project Examples -- joint-embedding</c>): its networks (for
/// <c>summary</c> and <c>plot</c>) and a run that trains on real data and reports metrics.
/// </summary>
public interface IExample
{
    /// <summary>The command name (<c>joint-embedding</c>, <c>multitask</c>, ...).</summary>
    string Name { get; }

    /// <summary>The seed program it reproduces (<c>000</c> ... <c>004</c>).</summary>
    string Seed { get; }

    /// <summary>One line for <c>list</c>.</summary>
    string Description { get; }

    /// <summary>The generated metadata of its networks, main model first (for <c>summary</c> and <c>plot</c>).</summary>
    IReadOnlyList<ModelInfo> Models { get; }

    /// <summary>The defaults of this example (epochs, batch size, sample limit) when the command line gives none.</summary>
    ExampleDefaults Defaults { get; }

    /// <summary>Trains and evaluates; queues its pictures and tables with <see cref="ExampleContext.AddFile"/>.</summary>
    ExampleResult Run(ExampleOptions options, ExampleContext context);
}

/// <summary>Per-example defaults, chosen so each example finishes within a few minutes on 2 CPU cores.</summary>
public sealed record ExampleDefaults(int Epochs, int BatchSize, int? Limit);

/// <summary>The command-line options of an example run, with the example's defaults already applied.</summary>
/// <param name="Epochs">Training epochs.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="Limit">Use at most this many samples (null: all).</param>
/// <param name="Seed">Seed of every random choice (weights, shuffling, noise, pairs).</param>
/// <param name="Device"><c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Data">Where the data comes from: null for the default of <see cref="Dataset"/>, a directory, or <c>download</c> / a URL.</param>
/// <param name="Dataset"><c>mnist</c> (the embedded 10,000 digits by default) or <c>fashion</c>.</param>
/// <param name="OutputRoot">The root output directory (<c>out/</c>).</param>
/// <param name="Precision">The precision every training phase uses (<c>--precision</c>: fp32, bf16-mixed or auto).</param>
public sealed record ExampleOptions(int Epochs, int BatchSize, int? Limit, long Seed, string Device, string? Data, string Dataset, string OutputRoot, Dsl.Training.Precision Precision = Dsl.Training.Precision.Float32);

/// <summary>What an example reports: the metrics.json content and the files it wrote itself.</summary>
/// <remarks>
/// <see cref="Metrics"/> stays a flat map of numbers (the <c>metrics</c> object of metrics.json); anything else, such as
/// confusion matrices, goes into a file of its own, queued with <see cref="ExampleContext.AddFile"/>.
/// </remarks>
/// <param name="Example">The command name.</param>
/// <param name="Epochs">Epochs trained (of the main training phase).</param>
/// <param name="TrainSeconds">Wall time spent training (all phases).</param>
/// <param name="Metrics">The example's metrics by name (accuracies in 0..1, errors as plain numbers).</param>
/// <param name="Files">Files the example wrote itself during the run, such as weights it loads back (relative to the output directory).</param>
public sealed record ExampleResult(string Example, int Epochs, double TrainSeconds, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Files);
