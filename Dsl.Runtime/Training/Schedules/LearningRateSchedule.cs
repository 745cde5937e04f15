using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>
/// A learning-rate schedule for <see cref="TrainingOptions.Schedule"/>, built over TorchSharp's
/// <c>torch.optim.lr_scheduler</c>. It scales every parameter group's rate alike (a fine-tuning group at a tenth of
/// the rate stays at a tenth). The trainer steps it after every epoch or every batch (<see cref="Interval"/>), logs the
/// rate (<see cref="EpochMetrics.LearningRates"/>, <c>lr</c> in the logs) and restores it on resume by replaying its
/// steps, so a resumed run has exactly the rates of an uninterrupted one.
/// </summary>
/// <example>
/// <code>
/// Schedule = LearningRateSchedule.CosineWithWarmup(warmupSteps: 50)            // per batch, over the whole run
/// Schedule = LearningRateSchedule.Step(stepSize: 10, gamma: 0.5)               // halve every 10 epochs
/// Schedule = LearningRateSchedule.OneCycle(maxLearningRate: 0.01)
/// Schedule = LearningRateSchedule.ReduceOnPlateau(new MetricMonitor("val_loss"), patience: 2)
/// </code>
/// </example>
public abstract record LearningRateSchedule
{
    /// <summary>Whether the schedule steps after every epoch or every batch.</summary>
    public abstract ScheduleInterval Interval { get; }

    /// <summary>Multiplies the rate by <paramref name="gamma"/> every <paramref name="stepSize"/> epochs (PyTorch's <c>StepLR</c>).</summary>
    public static LearningRateSchedule Step(int stepSize, double gamma = 0.1) => new StepSchedule(stepSize, gamma);

    /// <summary>Multiplies the rate by <paramref name="gamma"/> after every epoch (PyTorch's <c>ExponentialLR</c>).</summary>
    public static LearningRateSchedule Exponential(double gamma) => new ExponentialSchedule(gamma);

    /// <summary>
    /// A linear warm-up from <c>lr / warmupSteps</c> to <c>lr</c> over <paramref name="warmupSteps"/>, then a cosine
    /// decay to <c>lr * minFactor</c> at step <paramref name="totalSteps"/> (default: the end of the run), counted in
    /// batches unless <paramref name="interval"/> says epochs (PyTorch's <c>LambdaLR</c> with the closed form).
    /// </summary>
    public static LearningRateSchedule CosineWithWarmup(int warmupSteps = 0, int? totalSteps = null, double minFactor = 0.0, ScheduleInterval interval = ScheduleInterval.Batch) =>
        new CosineWarmupSchedule(warmupSteps, totalSteps, minFactor, interval);

    /// <summary>
    /// The one-cycle policy (Smith), per batch over the whole run (PyTorch's <c>OneCycleLR</c>): from
    /// <c>maxLearningRate / divFactor</c> up to <paramref name="maxLearningRate"/> over <paramref name="pctStart"/> of the
    /// steps, then a cosine down to <c>maxLearningRate / (divFactor * finalDivFactor)</c>; Adam's beta1 or SGD's
    /// momentum cycles inversely between 0.85 and 0.95 when the optimizer has one. Groups keep their ratio to the
    /// optimizer's learning rate.
    /// </summary>
    public static LearningRateSchedule OneCycle(double maxLearningRate, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4) =>
        new OneCycleSchedule(maxLearningRate, pctStart, divFactor, finalDivFactor);

    /// <summary>
    /// Multiplies the rate by <paramref name="factor"/> when the monitored metric has not improved for more than
    /// <paramref name="patience"/> epochs in a row (PyTorch's <c>ReduceLROnPlateau</c>, Keras' <c>ReduceLROnPlateau</c>), then
    /// waits <paramref name="cooldown"/> epochs; never below <paramref name="minLearningRate"/>.
    /// </summary>
    public static LearningRateSchedule ReduceOnPlateau(MetricMonitor monitor, double factor = 0.1, int patience = 10, int cooldown = 0, double minLearningRate = 0.0) =>
        new PlateauSchedule(monitor, factor, patience, cooldown, minLearningRate);

    /// <summary>Builds the TorchSharp scheduler over <paramref name="optimizer"/>, for a run of <paramref name="totalSteps"/> steps of <see cref="Interval"/>.</summary>
    internal abstract torch.optim.lr_scheduler.LRScheduler Create(OptimizerHelper optimizer, OptimizerSpec spec, int totalSteps);

    /// <summary>One epoch-end step; <paramref name="logs"/> are the epoch's metrics (<see cref="EpochMetrics.Scalars"/>).</summary>
    internal virtual void StepEpoch(torch.optim.lr_scheduler.LRScheduler scheduler, IReadOnlyDictionary<string, double> logs) => scheduler.step();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid value.</summary>
    internal abstract void Validate();

    /// <summary>Throws unless <paramref name="value"/> is finite and positive.</summary>
    private protected static void Positive(double value, string name, string schedule)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{schedule}: {name} must be a finite number > 0.");
        }
    }
}
