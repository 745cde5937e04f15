using System;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>The rate times <see cref="Gamma"/> every <see cref="StepSize"/> epochs (<see cref="LearningRateSchedule.Step"/>).</summary>
/// <param name="StepSize">Epochs between two decays (at least 1).</param>
/// <param name="Gamma">The factor (> 0).</param>
public sealed record StepSchedule(int StepSize, double Gamma) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override ScheduleInterval Interval => ScheduleInterval.Epoch;

    internal override torch.optim.lr_scheduler.LRScheduler Create(OptimizerHelper optimizer, OptimizerSpec spec, int totalSteps) =>
        torch.optim.lr_scheduler.StepLR(optimizer, StepSize, Gamma);

    internal override void Validate()
    {
        if (StepSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "Step schedule: the step size must be at least 1 epoch.");
        }

        Positive(Gamma, nameof(Gamma), "Step schedule");
    }
}
