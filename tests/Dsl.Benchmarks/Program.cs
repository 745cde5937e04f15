using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Dsl.Benchmarks;
using Dsl.Checks;

// Before any tensor operation: on some hosts oneDNN's AVX2 kernels compute wrong convolution gradients.
bool limitedIsa = OneDnnKernels.UseExactKernels();

bool quick = args.Contains("--quick");
string? outArgument = Option("--out");

// One intra-op thread by default: on a small machine shared with other work, torch's thread pool spinning on
// contended cores makes step times swing by several times; one thread keeps the A/B comparison stable.
int threads = int.Parse(Option("--threads") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
TorchSharp.torch.set_num_threads(threads);
var settings = quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
var machine = MachineFacts.Collect(limitedIsa);
var total = Stopwatch.StartNew();

Console.WriteLine($"Dsl benchmarks ({(quick ? "quick" : "full")} run)");
foreach (var (name, value) in machine.Rows())
{
    Console.WriteLine($"  {name}: {value}");
}

Console.WriteLine();
Console.WriteLine($"1. Generated DigitClassifier vs hand-written TorchSharp ({settings.ModuleRounds} rounds x {settings.ModuleSteps} steps, batch 128)");
var module = ModuleBenchmark.Run(settings.ModuleRounds, settings.ModuleSteps, settings.ModuleWarmupSteps);
Console.WriteLine($"  generated / hand-written: {module.Ratio}; TensorCheck.Check: {module.CheckNanoseconds:F0} ns per call");

Console.WriteLine();
Console.WriteLine("2. Generator cost");
var examples = ModelSources.Examples();
var generatorExamples = GeneratorBenchmark.Run(
    $"{examples.Count} example models",
    examples.OrderBy(e => e.Name == "DigitClassifier.cs" ? 0 : 1).ToList(),
    text => text.Replace("Linear(128", "Linear(256", StringComparison.Ordinal),
    settings.GeneratorRounds,
    settings.GeneratorWarmupRounds);
var generatorSynthetic = GeneratorBenchmark.Run(
    $"{settings.SyntheticModels} synthetic models",
    ModelSources.Synthetic(settings.SyntheticModels),
    _ => ModelSources.Synthetic(0, hidden: 33),
    settings.GeneratorRounds,
    settings.GeneratorWarmupRounds);

Console.WriteLine();
Console.WriteLine($"3. Trainer.Fit vs a bare loop ({settings.TrainerRounds} rounds of one epoch)");
var trainer = TrainerBenchmark.Run(settings.TrainerRounds);
Console.WriteLine($"  Trainer.Fit / bare loop: {trainer.Ratio}");

Console.WriteLine();
Console.WriteLine($"4. Memory over {settings.MemorySteps} training steps (batch {settings.MemoryBatchSize})");
var memory = MemoryBenchmark.Run(settings.MemorySteps, settings.MemoryInterval, settings.MemoryBatchSize);

var report = Report.Write(machine, settings, module, new[] { generatorExamples, generatorSynthetic }, trainer, memory, total.Elapsed);
string path = outArgument ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
File.WriteAllText(path, report);
Console.WriteLine();
Console.WriteLine($"Wrote {path} ({total.Elapsed.TotalMinutes:F1} min).");

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

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
