namespace Dsl.Training;

/// <summary>Why <see cref="Trainer.Fit"/> returned.</summary>
public enum StopReason
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>The monitored metric stopped improving (<see cref="TrainingOptions.EarlyStopping"/>).</summary>
    EarlyStopped,

    /// <summary>The cancellation token fired; training stopped after the current batch.</summary>
    Cancelled,
}
