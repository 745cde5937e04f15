using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>Reduce the rate when a metric stops improving (<see cref="LearningRateSchedule.ReduceOnPlateau"/>).</summary>
/// <param name="Monitor">The metric, its direction and the change that counts (an absolute threshold, as in Keras).</param>
/// <param name="Factor">The rate is multiplied by this, in (0, 1).</param>
/// <param name="Patience">Epochs without improvement before a reduction (0 or more).</param>
/// <param name="Cooldown">Epochs to wait after a reduction before counting again.</param>
/// <param name="MinLearningRate">The floor of every group's rate.</param>
public sealed record PlateauSchedule(MetricMonitor Monitor, double Factor, int Patience, int Cooldown, double MinLearningRate) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override ScheduleInterval Interval => ScheduleInterval.Epoch;

    internal override torch.optim.lr_scheduler.LRScheduler Create(OptimizerHelper optimizer, OptimizerSpec spec, int totalSteps) =>
        torch.optim.lr_scheduler.ReduceLROnPlateau(
            optimizer,
            mode: Monitor.Direction == MonitorMode.Max ? "max" : "min",
            factor: Factor,
            patience: Patience,
            threshold: Monitor.MinDelta,
            threshold_mode: "abs",
            cooldown: Cooldown,
            min_lr: optimizer.ParamGroups.Select(_ => MinLearningRate).ToList());

    internal override void StepEpoch(torch.optim.lr_scheduler.LRScheduler scheduler, IReadOnlyDictionary<string, double> logs) =>
        scheduler.step(Monitor.ValueIn(logs, "ReduceOnPlateau"), null);

    internal override void Validate()
    {
        ArgumentNullException.ThrowIfNull(Monitor, nameof(Monitor));
        Monitor.Validate("ReduceOnPlateau");
        if (!(Factor > 0 && Factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Factor), Factor, "ReduceOnPlateau: the factor must be in (0, 1).");
        }

        if (Patience < 0 || Cooldown < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Patience), "ReduceOnPlateau: patience and cooldown must be 0 or more epochs.");
        }

        if (!(MinLearningRate >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinLearningRate), MinLearningRate, "ReduceOnPlateau: the minimum learning rate must be >= 0.");
        }
    }
}
