namespace Dsl.Training;

/// <summary>
/// Receives the trainer's progress (on the training thread, between batches). Every method has an empty
/// default, so an observer implements only what it shows. The library draws no UI: progress bars live in the app.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>An epoch starts (numbered from 1, out of <paramref name="epochs"/>).</summary>
    void OnEpochStart(int epoch, int epochs)
    {
    }

    /// <summary>A training batch finished (its optimizer step is done).</summary>
    void OnBatchEnd(BatchProgress progress)
    {
    }

    /// <summary>An epoch finished, validation included.</summary>
    void OnEpochEnd(EpochMetrics metrics)
    {
    }

    /// <summary>A checkpoint of <paramref name="epoch"/> was written completely to <paramref name="path"/>.</summary>
    void OnCheckpointSaved(int epoch, string path)
    {
    }
}
