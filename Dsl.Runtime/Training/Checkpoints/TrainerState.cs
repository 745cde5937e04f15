using System.Collections.Generic;

namespace Dsl.Training.Checkpoints;

/// <summary>The trainer's part of a checkpoint (<c>trainer.json</c>): everything but the tensors.</summary>
/// <param name="FormatVersion">The layout version of this record.</param>
/// <param name="ModelName">The model's name (<see cref="Dsl.Metadata.ModelInfo.Name"/>).</param>
/// <param name="Parameters">The model's state-dict entries with their shapes: the architecture fingerprint.</param>
/// <param name="Optimizer">The optimizer description (<see cref="OptimizerSpec.ToString"/>).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="EpochsCompleted">The epoch this checkpoint ends.</param>
/// <param name="BestValue">The best value of the early-stopping metric so far (the validation total loss unless monitored otherwise), or null.</param>
/// <param name="BestEpoch">The epoch that reached it, or 0.</param>
/// <param name="EpochsWithoutImprovement">The early-stopping counter.</param>
/// <param name="HasBestWeights">Whether <c>best.bin</c> holds the best epoch's weights.</param>
/// <param name="RngState">torch's CPU generator state (base64), so dropout continues identically.</param>
/// <param name="History">The metrics of every epoch so far.</param>
/// <param name="SchedulerSteps">The learning-rate schedule's steps so far (batches or epochs), replayed on resume.</param>
/// <param name="LearningRates">Every optimizer parameter group's learning rate at the checkpoint, checked after the replay.</param>
internal sealed record TrainerState(
    int FormatVersion,
    string ModelName,
    IReadOnlyList<ParameterShape> Parameters,
    string Optimizer,
    long Seed,
    int EpochsCompleted,
    double? BestValue,
    int BestEpoch,
    int EpochsWithoutImprovement,
    bool HasBestWeights,
    string RngState,
    IReadOnlyList<EpochMetrics> History,
    int SchedulerSteps,
    IReadOnlyList<double> LearningRates)
{
    /// <summary>
    /// The version written by this library; 2 added <c>checksums.sha256</c> beside the files; 3 the monitored best
    /// value, the schedule's steps and the learning rates; 4 the options a resume must keep (<see cref="BatchSize"/>,
    /// <see cref="Shuffle"/>, <see cref="TrainSamples"/>, <see cref="GradientClipNorm"/>). Version 3 is still read.
    /// </summary>
    public const int CurrentFormatVersion = 4;

    /// <summary>The oldest version this library resumes (its missing fields are not checked).</summary>
    public const int OldestReadableVersion = 3;

    /// <summary>The run's <see cref="TrainingOptions.BatchSize"/>; null in a version 3 checkpoint.</summary>
    public int? BatchSize { get; init; }

    /// <summary>The run's <see cref="TrainingOptions.Shuffle"/>; null in a version 3 checkpoint.</summary>
    public bool? Shuffle { get; init; }

    /// <summary>The number of training samples; null in a version 3 checkpoint.</summary>
    public long? TrainSamples { get; init; }

    /// <summary>The run's <see cref="TrainingOptions.GradientClipNorm"/> (0 for none); null in a version 3 checkpoint.</summary>
    public double? GradientClipNorm { get; init; }

    /// <summary>
    /// The run's <see cref="TrainingOptions.AccumulateGradBatches"/>; null in a checkpoint written before the option
    /// existed, which trained with 1.
    /// </summary>
    public int? AccumulateGradBatches { get; init; }
}

/// <summary>One state-dict entry of a checkpointed model.</summary>
/// <param name="Name">The state-dict name (<c>layer1.weight</c>).</param>
/// <param name="Shape">Its shape.</param>
internal sealed record ParameterShape(string Name, long[] Shape);
