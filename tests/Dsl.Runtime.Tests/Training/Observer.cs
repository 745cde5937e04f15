using System;
using System.Collections.Generic;
using Dsl.Training;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Records the callbacks and runs optional actions on them.</summary>
internal sealed class Observer : ITrainingObserver
{
    public List<BatchProgress> Batches { get; } = new();

    public List<EpochMetrics> Epochs { get; } = new();

    public List<(int Epoch, string Path)> Checkpoints { get; } = new();

    public List<int> Started { get; } = new();

    public Action<BatchProgress>? AfterBatch { get; init; }

    public Action<EpochMetrics>? AfterEpoch { get; init; }

    public Action<int, string>? AfterCheckpoint { get; init; }

    public void OnEpochStart(int epoch, int epochs) => Started.Add(epoch);

    public void OnBatchEnd(BatchProgress progress)
    {
        Batches.Add(progress);
        AfterBatch?.Invoke(progress);
    }

    public void OnEpochEnd(EpochMetrics metrics)
    {
        Epochs.Add(metrics);
        AfterEpoch?.Invoke(metrics);
    }

    public void OnCheckpointSaved(int epoch, string path)
    {
        Checkpoints.Add((epoch, path));
        AfterCheckpoint?.Invoke(epoch, path);
    }
}
