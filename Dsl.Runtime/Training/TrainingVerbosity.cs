namespace Dsl.Training;

/// <summary>What <see cref="Trainer.Fit"/> prints on the console (<see cref="TrainingOptions.Verbose"/>).</summary>
public enum TrainingVerbosity
{
    /// <summary>
    /// The default: when the caller passes no <see cref="ITrainingObserver"/> (an observer is the app's own progress
    /// display), <see cref="Progress"/> when standard output is a terminal and <see cref="Lines"/> when it is
    /// redirected to a file or a pipe; nothing when the caller passes an observer.
    /// </summary>
    Auto,

    /// <summary>A live Keras-style bar per epoch (steps, time per step, running loss), then the epoch's metrics.</summary>
    Progress,

    /// <summary>One plain line per epoch with its metrics: for logs, CI and redirected output.</summary>
    Lines,

    /// <summary>Prints nothing.</summary>
    Silent,
}
