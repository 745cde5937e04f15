using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>The rate times <see cref="Gamma"/> after every epoch (<see cref="LearningRateSchedule.Exponential"/>).</summary>
/// <param name="Gamma">The factor (> 0).</param>
public sealed record ExponentialSchedule(double Gamma) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override ScheduleInterval Interval => ScheduleInterval.Epoch;

    internal override torch.optim.lr_scheduler.LRScheduler Create(OptimizerHelper optimizer, OptimizerSpec spec, int totalSteps) =>
        torch.optim.lr_scheduler.ExponentialLR(optimizer, Gamma);

    internal override void Validate() => Positive(Gamma, nameof(Gamma), "Exponential schedule");
}
