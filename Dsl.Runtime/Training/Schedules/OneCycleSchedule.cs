using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>The one-cycle policy per batch over the whole run (<see cref="LearningRateSchedule.OneCycle"/>).</summary>
/// <param name="MaxLearningRate">The peak rate of the optimizer's own group (> 0).</param>
/// <param name="PctStart">The share of the steps spent rising, in (0, 1).</param>
/// <param name="DivFactor">The initial rate is the peak divided by this (> 0).</param>
/// <param name="FinalDivFactor">The final rate is the initial one divided by this (> 0).</param>
public sealed record OneCycleSchedule(double MaxLearningRate, double PctStart, double DivFactor, double FinalDivFactor) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override ScheduleInterval Interval => ScheduleInterval.Batch;

    internal override torch.optim.lr_scheduler.LRScheduler Create(OptimizerHelper optimizer, OptimizerSpec spec, int totalSteps)
    {
        var peaks = optimizer.ParamGroups
            .Select(g => spec.LearningRate > 0 ? MaxLearningRate * g.LearningRate / spec.LearningRate : MaxLearningRate)
            .ToArray();
        return torch.optim.lr_scheduler.OneCycleLR(
            optimizer, peaks, total_steps: totalSteps, pct_start: PctStart, cycle_momentum: spec.HasMomentum,
            div_factor: DivFactor, final_div_factor: FinalDivFactor);
    }

    internal override void Validate()
    {
        Positive(MaxLearningRate, nameof(MaxLearningRate), "One-cycle schedule");
        Positive(DivFactor, nameof(DivFactor), "One-cycle schedule");
        Positive(FinalDivFactor, nameof(FinalDivFactor), "One-cycle schedule");
        if (!(PctStart > 0 && PctStart < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PctStart), PctStart, "One-cycle schedule: PctStart must be in (0, 1).");
        }
    }
}
