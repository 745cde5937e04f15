using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Schedules;

/// <summary>
/// Drives a <see cref="LearningRateSchedule"/> during one <see cref="Trainer.Fit{TModel}"/>: steps it after every
/// batch or epoch, counts its steps, reads the groups' rates, and restores it on resume by replaying the steps of the
/// run so far on a fresh scheduler (TorchSharp's schedulers have no state dict), which reproduces every rate
/// bit-for-bit because each step is the same floating-point computation in the same order.
/// </summary>
internal sealed class ScheduleRunner
{
    private readonly LearningRateSchedule? _schedule;
    private readonly OptimizerHelper _optimizer;
    private readonly torch.optim.lr_scheduler.LRScheduler? _scheduler;

    public ScheduleRunner(LearningRateSchedule? schedule, OptimizerHelper optimizer, OptimizerSpec spec, int epochs, int batchesPerEpoch)
    {
        _schedule = schedule;
        _optimizer = optimizer;
        GroupNames = OptimizerSpec.GroupNames(spec, optimizer.ParamGroups.Count());
        if (schedule is not null)
        {
            int total = schedule.Interval == ScheduleInterval.Batch ? epochs * batchesPerEpoch : epochs;
            _scheduler = schedule.Create(optimizer, spec, total);
        }
    }

    /// <summary>The optimizer's parameter groups' names, in order.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>Steps taken so far (batches or epochs, after <see cref="Replay"/> including those before the checkpoint).</summary>
    public int Steps { get; private set; }

    /// <summary>The current rate of every parameter group, in order.</summary>
    public double[] Rates() => _optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

    /// <summary>The current rates by group name.</summary>
    public IReadOnlyDictionary<string, double> RatesByGroup()
    {
        double[] rates = Rates();
        var named = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < rates.Length; i++)
        {
            named[GroupNames[i]] = rates[i];
        }

        return named;
    }

    /// <summary>After an optimizer step: steps a per-batch schedule.</summary>
    public void AfterBatch()
    {
        if (_scheduler is not null && _schedule!.Interval == ScheduleInterval.Batch)
        {
            _scheduler.step();
            Steps++;
        }
    }

    /// <summary>After an epoch's validation: steps a per-epoch schedule with the epoch's logs.</summary>
    public void AfterEpoch(EpochMetrics metrics)
    {
        if (_scheduler is not null && _schedule!.Interval == ScheduleInterval.Epoch)
        {
            _schedule.StepEpoch(_scheduler, metrics.Scalars());
            Steps++;
        }
    }

    /// <summary>
    /// Replays a checkpointed run: <paramref name="steps"/> batch steps, or one epoch step per entry of
    /// <paramref name="history"/>; then checks the rates equal <paramref name="expectedRates"/> exactly.
    /// </summary>
    /// <exception cref="CheckpointException">The replayed rates differ: the schedule or optimizer is not the run's.</exception>
    public void Replay(int steps, IReadOnlyList<EpochMetrics> history, IReadOnlyList<double> expectedRates, string folder)
    {
        if (_scheduler is not null && _schedule!.Interval == ScheduleInterval.Batch)
        {
            for (int i = 0; i < steps; i++)
            {
                AfterBatch();
            }
        }
        else
        {
            foreach (var epoch in history)
            {
                AfterEpoch(epoch);
            }
        }

        double[] rates = Rates();
        if (expectedRates.Count > 0 && !rates.SequenceEqual(expectedRates))
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' was written with learning rates [{string.Join(", ", expectedRates)}], but replaying this run's schedule " +
                $"gives [{string.Join(", ", rates)}]: resume with the optimizer and TrainingOptions.Schedule the run started with " +
                "(and the same training set size and batch size), or start a new run without Resume.");
        }
    }
}
