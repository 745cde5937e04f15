using System.Collections.Generic;

namespace Dsl.Training;

/// <summary>Progress after one training batch.</summary>
/// <param name="Epoch">The epoch number, starting at 1.</param>
/// <param name="Batch">The batch index in the epoch, starting at 0.</param>
/// <param name="BatchesPerEpoch">How many batches the epoch has.</param>
/// <param name="Total">The batch's weighted total loss.</param>
/// <param name="Losses">The batch's loss terms by name, unweighted.</param>
/// <param name="SamplesPerSecond">Training throughput of the epoch so far.</param>
public sealed record BatchProgress(
    int Epoch,
    int Batch,
    int BatchesPerEpoch,
    double Total,
    IReadOnlyDictionary<string, double> Losses,
    double SamplesPerSecond)
{
    /// <summary>The learning rate of the optimizer's first parameter group in this batch's step.</summary>
    public double LearningRate { get; init; }
}
