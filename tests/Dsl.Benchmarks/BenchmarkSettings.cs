namespace Dsl.Benchmarks;

/// <summary>
/// How much each benchmark measures; <see cref="Quick"/> is a smoke run that checks everything runs. The full run
/// is sized to finish in well under ten minutes on a contended 2-core machine (a batch-128 step takes ~0.5 s there).
/// The memory benchmark uses small batches: a leak shows per step whatever the batch size.
/// </summary>
public sealed record BenchmarkSettings(
    string Name,
    int SeedNetRounds,
    int SeedNetSteps,
    int KernelCheckRuns,
    int GeneratorRounds,
    int GeneratorWarmupRounds,
    int SyntheticModels,
    int TrainerRounds,
    int MemorySteps,
    int MemoryInterval,
    int MemoryBatchSize,
    int CheaperStepRounds,
    int CheaperStepSteps)
{
    public static BenchmarkSettings Full { get; } = new("full", 8, 4, 3, 10, 2, 100, 10, 300, 50, 32, 10, 4);

    public static BenchmarkSettings Quick { get; } = new("quick", 1, 1, 1, 2, 1, 100, 2, 40, 20, 32, 2, 1);
}
