using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Dsl.Benchmarks;
using Dsl.Checks;

if (args.Contains("--step-worker"))
{
    return StepWorker.Run();
}

if (args.Contains("--analyzer-only"))
{
    // Section 2b alone (no tensors, no training): to compare the analyzer's cost between two checkouts in one session.
    var analyzerSettings = args.Contains("--quick") ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
    int analyzerRounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? analyzerSettings.GeneratorRounds.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    var exampleModels = ModelSources.Examples();
    AnalyzerBenchmark.Run($"{exampleModels.Count} example models", exampleModels.OrderBy(e => e.Name == "DigitClassifier.cs" ? 0 : 1).ToList(), text => text.Replace("Linear(128", "Linear(256", StringComparison.Ordinal), analyzerRounds, analyzerSettings.GeneratorWarmupRounds);
    AnalyzerBenchmark.Run($"{analyzerSettings.SyntheticModels} synthetic models", ModelSources.Synthetic(analyzerSettings.SyntheticModels), _ => ModelSources.Synthetic(0, hidden: 33), analyzerRounds, analyzerSettings.GeneratorWarmupRounds);
    return 0;
}

// Before any tensor operation, as the examples do: the fast oneDNN kernels where they are exact on this host.
var kernels = OneDnnKernels.ChooseForThisHost();
ThreadWaitPolicy.UsePassiveWaiting(); // as the examples do; the workers (and PyTorch's libgomp) inherit it

bool quick = args.Contains("--quick");
string? outArgument = Option("--out");
string? only = Option("--only");

// One intra-op thread by default: on a small machine shared with other work, torch's thread pool spinning on
// contended cores makes step times swing by several times; one thread keeps the A/B comparison stable.
int threads = int.Parse(Option("--threads") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
TorchSharp.torch.set_num_threads(threads);
var settings = quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
int[] threadCounts = new[] { 1, Environment.ProcessorCount }.Distinct().ToArray();
if (only is not null)
{
    if (only == "precision")
    {
        string precisionTarget = outArgument ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
        string precisionSection = RunPrecision(int.Parse(Option("--rounds") ?? "6", System.Globalization.CultureInfo.InvariantCulture), int.Parse(Option("--steps") ?? "2", System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(precisionTarget, ReportSections.Splice(File.ReadAllText(precisionTarget), PrecisionReport.Heading, precisionSection));
        Console.WriteLine($"Replaced section 7 of {precisionTarget}.");
        return 0;
    }

    if (only != "inference")
    {
        Console.Error.WriteLine($"--only takes 'inference' (section 6) or 'precision' (section 7), not '{only}'; run without --only for every section.");
        return 2;
    }

    Console.WriteLine($"6. Inference: Trainer.Predict vs ONNX Runtime ({settings.CheaperStepRounds} rounds, threads {string.Join(" and ", threadCounts)})");
    var section = new System.Text.StringBuilder();
    InferenceReport.Write(section, InferenceBenchmark.Run(settings.CheaperStepRounds, threadCounts));
    string target = outArgument ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
    File.WriteAllText(target, InferenceReport.Splice(File.ReadAllText(target), section.ToString()));
    Console.WriteLine($"Replaced section 6 of {target}.");
    return 0;
}

var machine = MachineFacts.Collect(kernels);
var peak = PeakFlops.Collect(int.Parse(Option("--fma-units") ?? "2", System.Globalization.CultureInfo.InvariantCulture));
var total = Stopwatch.StartNew();

Console.WriteLine($"Dsl benchmarks ({(quick ? "quick" : "full")} run)");
foreach (var (name, value) in machine.Rows())
{
    Console.WriteLine($"  {name}: {value}");
}

Console.WriteLine();
Console.WriteLine($"1. Seed nets, one training step ({settings.SeedNetRounds} rounds x {settings.SeedNetSteps} steps, threads {string.Join(" and ", threadCounts)})");
Console.WriteLine($"  fp32 peak: {peak.Formula}");
string python = Option("--python") ?? "/usr/bin/python3";
var seedNets = SeedNetBenchmark.Run(
    settings.SeedNetRounds,
    settings.SeedNetSteps,
    threadCounts,
    python,
    Path.Combine(RepositoryRoot(), "tests", "Dsl.Benchmarks", "pytorch_seed_nets.py"));
double checkNanoseconds = TensorCheckCost.Measure();

Console.WriteLine();
Console.WriteLine("1b. Cost of choosing the kernels per host");
var kernelCheck = KernelCheckCost.Measure(settings.KernelCheckRuns);
Console.WriteLine($"  child-process check: {kernelCheck.ChildCheckMs.Median:F0} ms median; cached decision: {kernelCheck.CachedDecisionMs.Median:F3} ms; verdict {kernelCheck.LastCheck.Outcome}");

Console.WriteLine();
Console.WriteLine("2. Generator cost");
// The two sets of models both the generator and the analyzer are measured on, each with the edit of its first model.
var examples = ModelSources.Examples();
var modelSets = new (string Set, IReadOnlyList<(string Name, string Text)> Models, Func<string, string> Edit)[]
{
    ($"{examples.Count} example models", examples.OrderBy(e => e.Name == "DigitClassifier.cs" ? 0 : 1).ToList(), text => text.Replace("Linear(128", "Linear(256", StringComparison.Ordinal)),
    ($"{settings.SyntheticModels} synthetic models", ModelSources.Synthetic(settings.SyntheticModels), _ => ModelSources.Synthetic(0, hidden: 33)),
};
var generator = modelSets.Select(m => GeneratorBenchmark.Run(m.Set, m.Models, m.Edit, settings.GeneratorRounds, settings.GeneratorWarmupRounds)).ToList();

Console.WriteLine();
Console.WriteLine("2b. Analyzer cost");
var analyzer = modelSets.Select(m => AnalyzerBenchmark.Run(m.Set, m.Models, m.Edit, settings.GeneratorRounds, settings.GeneratorWarmupRounds)).ToList();
var runaways = AnalyzerBenchmark.Runaways(settings.GeneratorRounds);

Console.WriteLine();
// Before section 3: its prefetching variant creates batches on pool threads and disposes them on this one, which
// shifts this thread's live-tensor count (TorchSharp counts per thread) that section 4 reports.
Console.WriteLine($"4. Memory over {settings.MemorySteps} training steps (batch {settings.MemoryBatchSize})");
var memory = MemoryBenchmark.Run(settings.MemorySteps, settings.MemoryInterval, settings.MemoryBatchSize);

Console.WriteLine();
Console.WriteLine($"3. Trainer.Fit (with and without prefetch) vs a bare loop ({settings.TrainerRounds} rounds of one epoch, threads 1 and 2)");
var trainer = new[] { 1, 2 }.Select(t => TrainerBenchmark.Run(settings.TrainerRounds, t, threads)).ToList();
foreach (var t in trainer)
{
    Console.WriteLine($"  threads {t.Threads}: Trainer.Fit / bare loop: {t.Ratio}; with prefetch / bare loop: {t.PrefetchRatio}; with prefetch / without: {t.PrefetchVsFit}");
}

Console.WriteLine();
Console.WriteLine($"5. Cheaper steps: in-place activations, inference mode ({settings.CheaperStepRounds} rounds)");
var cheaper = CheaperSteps.Run(settings.CheaperStepRounds, settings.CheaperStepSteps);

Console.WriteLine();
Console.WriteLine($"6. Inference: Trainer.Predict vs ONNX Runtime ({settings.CheaperStepRounds} rounds, threads {string.Join(" and ", threadCounts)})");
var inference = InferenceBenchmark.Run(settings.CheaperStepRounds, threadCounts);

Console.WriteLine();
string precision = RunPrecision(quick ? 1 : 6, quick ? 1 : 2);
TorchSharp.torch.set_num_threads(threads);

var report = Report.Write(machine, settings, seedNets, peak, kernelCheck, checkNanoseconds, generator, analyzer, runaways, trainer, memory, cheaper, inference, precision, total.Elapsed);
string path = outArgument ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
File.WriteAllText(path, report);
Console.WriteLine();
Console.WriteLine($"Wrote {path} ({total.Elapsed.TotalMinutes:F1} min).");
return 0;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

// Section 7: the precision comparison on the seed nets, ResNet-18 and an encoder block, and Precision.Auto's probe.
string RunPrecision(int rounds, int steps)
{
    string loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    Console.WriteLine($"7. Precision: float32 against bf16-mixed ({rounds} rounds x {steps} steps, threads {string.Join(" and ", threadCounts)})");
    var probes = threadCounts.Select(t =>
    {
        TorchSharp.torch.set_num_threads(t);
        var probe = Dsl.Training.Bf16Speed.Measure();
        Console.WriteLine($"  Precision.Auto's probe: {probe}");
        return probe;
    }).ToList();
    var run = SeedNetBenchmark.Run(rounds, steps, threadCounts, "", "", SeedNet.Precision,
        new[] { SeedNetBenchmark.Generated, SeedNetBenchmark.Bf16, SeedNetBenchmark.Hand, SeedNetBenchmark.HandBf16 });
    string machineLine = $"Machine: {MachineFacts.Collect(kernels).Cpu}, {Environment.ProcessorCount} logical cores, {kernels.Kernels} oneDNN kernels; run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at the start {loadBefore}, at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (the machine is shared: only the per-round ratios mean something).";
    var section = new System.Text.StringBuilder();
    PrecisionReport.Write(section, run, probes, machineLine);
    return section.ToString();
}

static string RepositoryRoot()
{
    foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dsl.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new DirectoryNotFoundException("dsl.sln not found above the current or the program's directory; pass --out PATH.");
}
