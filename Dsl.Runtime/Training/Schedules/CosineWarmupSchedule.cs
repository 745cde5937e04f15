using System;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>Linear warm-up, then cosine decay (<see cref="LearningRateSchedule.CosineWithWarmup"/>).</summary>
/// <param name="WarmupSteps">Steps of the linear warm-up (0 for none).</param>
/// <param name="TotalSteps">The step at which the decay reaches its floor, or null for the end of the run.</param>
/// <param name="MinFactor">The floor as a fraction of each group's rate, in [0, 1].</param>
/// <param name="StepInterval">Whether steps are batches or epochs.</param>
public sealed record CosineWarmupSchedule(int WarmupSteps, int? TotalSteps, double MinFactor, ScheduleInterval StepInterval) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override ScheduleInterval Interval => StepInterval;

    /// <summary>The factor on each group's rate at step <paramref name="step"/> (0 is the first step) of a run of <paramref name="totalSteps"/>.</summary>
    public double Factor(int step, int totalSteps)
    {
        if (step < WarmupSteps)
        {
            return (step + 1.0) / WarmupSteps;
        }

        int decaySteps = Math.Max(1, (TotalSteps ?? totalSteps) - WarmupSteps);
        double progress = Math.Min(1.0, (double)(step - WarmupSteps) / decaySteps);
        return MinFactor + ((1 - MinFactor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    internal override torch.optim.lr_scheduler.LRScheduler Create(OptimizerHelper optimizer, OptimizerSpec spec, int totalSteps) =>
        torch.optim.lr_scheduler.LambdaLR(optimizer, step => Factor(step, totalSteps));

    internal override void Validate()
    {
        if (WarmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmupSteps), WarmupSteps, "Cosine schedule: the warm-up must be 0 or more steps.");
        }

        if (TotalSteps is int total && total <= WarmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(TotalSteps), total, $"Cosine schedule: the total steps ({total}) must exceed the warm-up ({WarmupSteps}); leave it null for the end of the run.");
        }

        if (!(MinFactor >= 0 && MinFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinFactor), MinFactor, "Cosine schedule: the floor factor must be in [0, 1].");
        }
    }
}
