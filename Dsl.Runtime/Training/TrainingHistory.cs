using System.Collections.Generic;

namespace Dsl.Training;

/// <summary>The result of <see cref="Trainer.Fit"/>.</summary>
/// <param name="Epochs">Every completed epoch's metrics, in order (a resumed run includes the epochs before the checkpoint).</param>
/// <param name="StopReason">Why training stopped.</param>
/// <param name="BestEpoch">The epoch with the best value of the early-stopping metric (the lowest validation total loss unless <see cref="EarlyStopping.Monitor"/> says otherwise), or 0 without one.</param>
/// <param name="TotalSeconds">Wall-clock seconds of this call.</param>
public sealed record TrainingHistory(IReadOnlyList<EpochMetrics> Epochs, StopReason StopReason, int BestEpoch, double TotalSeconds)
{
    /// <summary>
    /// The folder of this run's checkpoints (<c>version_N</c> under <see cref="TrainingOptions.CheckpointDirectory"/>),
    /// or null without a checkpoint directory. It exists once the first checkpoint is written.
    /// </summary>
    public string? CheckpointFolder { get; init; }
}
