namespace Dsl.Training.Callbacks;

/// <summary>
/// A Keras / Lightning style callback: called by <see cref="Trainer.Fit{TModel}"/> on the training thread (pass
/// them in <see cref="TrainingOptions.Callbacks"/>). Every method has an empty default. A resumed run calls
/// <see cref="OnTrainBegin"/> with the checkpoint's history, so a callback can rebuild its state from the epochs
/// already done (the built-in ones do) and continue exactly where the interrupted run stopped.
/// </summary>
public interface ITrainingCallback
{
    /// <summary>Training starts (or resumes: <see cref="TrainingContext.History"/> then holds the earlier epochs).</summary>
    void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>A training batch's optimizer step is done.</summary>
    void OnBatchEnd(TrainingContext context, BatchProgress progress)
    {
    }

    /// <summary>An epoch finished, validation included, before its checkpoint is written.</summary>
    void OnEpochEnd(TrainingContext context, EpochMetrics metrics)
    {
    }

    /// <summary>Training ended (after restoring the best weights, when asked).</summary>
    void OnTrainEnd(TrainingContext context, TrainingHistory history)
    {
    }
}
