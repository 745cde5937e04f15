using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Dsl.Data;
using Dsl.Training.Callbacks;
using Dsl.Training.Checkpoints;
using Dsl.Training.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using TensorDataset = Dsl.Data.TensorDataset;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// One call of <see cref="Trainer.Fit{TModel}"/>: the epoch loop and the state a checkpoint preserves (history,
/// early-stopping counters, best weights, the learning-rate schedule, torch's random state), and the callbacks.
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly nn.Module _module;
    private readonly ITrainableModel _model;
    private readonly OptimizerHelper _optimizer;
    private readonly TrainingOptions _options;
    private readonly Device _device;
    private readonly ITrainingObserver _observer;
    private CheckpointStore? _store;
    private CheckpointLock? _lock;
    private long _trainSamples;
    private readonly IReadOnlyList<Parameter> _trainable;
    private readonly ScheduleRunner _schedule;
    private readonly MetricMonitor _monitor;

    private List<EpochMetrics> _history = new();
    private double? _bestValue;
    private int _bestEpoch;
    private int _epochsWithoutImprovement;
    private Dictionary<string, Tensor>? _bestWeights;
    private double _lastRate;
    private AccumulationGroup? _group;

    public TrainingRun(nn.Module module, ITrainableModel model, OptimizerHelper optimizer, ScheduleRunner schedule, TrainingOptions options, Device device, ITrainingObserver observer)
    {
        _schedule = schedule;
        _monitor = options.EarlyStopping?.Watch ?? new MetricMonitor("val_loss");
        _module = module;
        _model = model;
        _optimizer = optimizer;
        _options = options;
        _device = device;
        _observer = observer;
        _trainable = module.parameters().Where(p => p.requires_grad).ToList();
    }

    private bool KeepsBestWeights => _options.EarlyStopping?.RestoreBestWeights == true;

    public TrainingHistory Fit(TensorDataset train, TensorDataset? validation, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _trainSamples = train.Count;
        int completed = Start();
        StopReason reason = StopReason.Completed;
        foreach (var callback in _options.Callbacks)
        {
            callback.OnTrainBegin(Context());
        }

        if (IsPatienceExhausted())
        {
            reason = StopReason.EarlyStopped;
        }

        for (int epoch = completed + 1; epoch <= _options.Epochs && reason == StopReason.Completed; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                reason = StopReason.Cancelled;
                break;
            }

            _observer.OnEpochStart(epoch, _options.Epochs);
            var epochClock = Stopwatch.StartNew();
            EvaluationMetrics? trainMetrics = TrainEpoch(train, epoch, cancellationToken);
            if (trainMetrics is null)
            {
                reason = StopReason.Cancelled;
                break;
            }

            EvaluationMetrics? validationMetrics = validation is null || validation.Count == 0
                ? null
                : Trainer.Evaluate(_module, _model, validation, _options.BatchSize, _device, _options.TopK, _options.Metrics);
            var metrics = new EpochMetrics(epoch, trainMetrics, validationMetrics, epochClock.Elapsed.TotalSeconds)
            {
                LearningRates = _schedule.RatesByGroup(),
            };
            var logs = metrics.Scalars();
            if (_options.EarlyStopping is not null || validationMetrics is not null)
            {
                TrackBest(epoch, logs);
            }

            foreach (var callback in _options.Callbacks)
            {
                callback.OnEpochEnd(Context(), metrics);
            }

            _history.Add(metrics);
            _schedule.AfterEpoch(metrics);
            _observer.OnEpochEnd(metrics);

            if (_store is not null)
            {
                string path = _store.Save(epoch, folder => CheckpointFiles.Write(folder, _module, _optimizer, CurrentState(epoch), KeepsBestWeights ? _bestWeights : null));
                _observer.OnCheckpointSaved(epoch, path);
            }

            if (IsPatienceExhausted())
            {
                reason = StopReason.EarlyStopped;
            }
            else if (cancellationToken.IsCancellationRequested && epoch < _options.Epochs)
            {
                reason = StopReason.Cancelled;
            }
        }

        if (reason != StopReason.Cancelled && KeepsBestWeights && _bestWeights is not null)
        {
            using (no_grad())
            {
                _module.load_state_dict(_bestWeights, strict: true);
            }
        }

        var history = new TrainingHistory(_history.ToArray(), reason, _bestEpoch, clock.Elapsed.TotalSeconds)
        {
            CheckpointFolder = _store?.Directory,
        };
        foreach (var callback in _options.Callbacks)
        {
            callback.OnTrainEnd(Context(), history);
        }

        return history;
    }

    private TrainingContext Context() => new(_module, _model.ModelInfo, _options, _history.ToArray());

    public void Dispose()
    {
        DisposeBestWeights();
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>
    /// Locks the checkpoint directory for this run, picks the run's folder (the latest run's when resuming, else a
    /// new <c>version_N</c>), and seeds a fresh run or restores the latest checkpoint; returns the number of epochs
    /// already done.
    /// </summary>
    private int Start()
    {
        string? latest = null;
        if (_options.CheckpointDirectory is string root)
        {
            var runs = new CheckpointRuns(root);
            _lock = CheckpointLock.Acquire(runs.Directory);
            _store = (_options.Resume ? runs.LatestWithCheckpoint() : null) ?? runs.NewRun();
            latest = _options.Resume ? _store.Latest() : null;
        }

        _optimizer.zero_grad();
        if (latest is null)
        {
            random.manual_seed(_options.Seed);
            return 0;
        }

        return Restore(latest);
    }

    private int Restore(string folder)
    {
        // Every check before the first call that changes anything (or that libtorch may answer by aborting).
        CheckpointChecksums.Verify(folder);
        var state = CheckpointFiles.ReadState(folder);
        CheckpointValidation.CheckConsistent(folder, state, CheckpointStore.EpochOf(folder));
        CheckpointFiles.CheckCompatible(folder, state, _module, _model.ModelInfo.Name, _options.Seed);
        CheckpointValidation.CheckOptions(folder, state, _options, _trainSamples);
        byte[] rng = CheckpointValidation.DecodeRngState(folder, state);

        // Before the optimizer's state: a schedule's step reads the group's current rate.
        _schedule.Replay(state.SchedulerSteps, state.History, state.LearningRates, folder);
        CheckpointFiles.LoadOptimizer(Path.Combine(folder, CheckpointStore.OptimizerFile), _optimizer);
        if (state.HasBestWeights && KeepsBestWeights)
        {
            CheckpointFiles.LoadModel(Path.Combine(folder, CheckpointStore.BestModelFile), _module);
            SnapshotBestWeights();
        }

        CheckpointFiles.LoadModel(Path.Combine(folder, CheckpointStore.ModelFile), _module);
        using (var rngState = tensor(rng, ScalarType.Byte))
        {
            random.set_rng_state(rngState);
        }

        _history = state.History.ToList();
        _bestValue = state.BestValue;
        _bestEpoch = state.BestEpoch;
        _epochsWithoutImprovement = state.EpochsWithoutImprovement;
        return state.EpochsCompleted;
    }

    /// <summary>One epoch of training; null when cancelled before its end.</summary>
    private EvaluationMetrics? TrainEpoch(TensorDataset train, int epoch, CancellationToken cancellationToken)
    {
        _module.train();
        var metrics = new MetricAccumulator(_options.TopK);
        int batches = train.BatchCount(_options.BatchSize);
        long samples = 0;
        var clock = Stopwatch.StartNew();
        var order = train.BatchIndices(_options.BatchSize, _options.Shuffle, EpochSeed(epoch)).ToList();
        int accumulate = _options.AccumulateGradBatches;
        using var prefetcher = _options.PrefetchBatches ? new BatchPrefetcher(train, order, _device) : null;
        for (int batch = 0; batch < order.Count; batch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Gradients of a group cut short are dropped: the next run starts from the last optimizer step.
                _optimizer.zero_grad();
                return null;
            }

            long[] indices = order[batch];
            int position = batch % accumulate;
            int groupStart = batch - position;
            int groupEnd = Math.Min(groupStart + accumulate, order.Count);
            if (accumulate > 1 && position == 0)
            {
                _group = AccumulationGroup.Create(_model.ModelInfo, train, order.GetRange(groupStart, groupEnd - groupStart));
            }

            var prefetched = prefetcher?.Take(batch);
            BatchStatistics statistics;
            try
            {
                statistics = TrainBatch(train, indices, epoch, batch, prefetched, accumulate > 1 ? _group : null, position, stepsOptimizer: batch == groupEnd - 1);
            }
            finally
            {
                if (prefetched is not null)
                {
                    BatchPrefetcher.Dispose(prefetched);
                }
            }

            metrics.Add(statistics, indices.Length);
            samples += indices.Length;
            double seconds = clock.Elapsed.TotalSeconds;
            var progress = new BatchProgress(epoch, batch, batches, statistics.Total, statistics.TermsByName(), seconds > 0 ? samples / seconds : 0)
            {
                LearningRate = _lastRate,
            };
            foreach (var callback in _options.Callbacks)
            {
                callback.OnBatchEnd(Context(), progress);
            }

            _observer.OnBatchEnd(progress);
        }

        return metrics.Result();
    }

    /// <summary>Forward, loss, backward and one optimizer step, every temporary tensor in one dispose scope.</summary>
    /// <remarks>
    /// Under gradient accumulation the loss back-propagated is weighted by <paramref name="group"/> and the optimizer
    /// steps only after the group's last batch (<paramref name="stepsOptimizer"/>), whose gradients are then checked.
    /// A batch from <paramref name="prefetched"/> belongs to the caller.
    /// </remarks>
    private BatchStatistics TrainBatch(
        TensorDataset train, long[] indices, int epoch, int batch, IReadOnlyDictionary<string, Tensor>? prefetched = null,
        AccumulationGroup? group = null, int position = 0, bool stepsOptimizer = true)
    {
        using var scope = NewDisposeScope();
        var inputs = prefetched ?? train.GetBatch(indices, _device);
        using var result = _model.Step(inputs);
        var statistics = BatchStatistics.Compute(_model.ModelInfo, result, inputs, _options.TopK, _options.Metrics);
        if (!statistics.IsFinite)
        {
            var (source, name, detail) = DivergenceDiagnosis.OfLoss(_module, _model.ModelInfo, inputs, result);
            _optimizer.zero_grad();
            throw new TrainingDivergedException(epoch, batch, "the loss is not finite", statistics.Total, statistics.TermsByName(), source, name, detail);
        }

        (group is null ? result.Losses.Total : group.Objective(result, position)).backward();
        if (!stepsOptimizer)
        {
            _lastRate = _schedule.Rates()[0];
            return statistics;
        }

        if (!GradientsAreFinite())
        {
            var (source, name, detail) = DivergenceDiagnosis.OfGradients(_module);
            _optimizer.zero_grad();
            throw new TrainingDivergedException(epoch, batch, "the gradients are not finite", statistics.Total, statistics.TermsByName(), source, name, detail);
        }

        if (_options.GradientClipNorm is double maxNorm)
        {
            nn.utils.clip_grad_norm_(_trainable, maxNorm);
        }

        _lastRate = _schedule.Rates()[0];
        _optimizer.step();
        _optimizer.zero_grad();
        _schedule.AfterBatch();
        return statistics;
    }

    private bool GradientsAreFinite()
    {
        var checks = _trainable.Select(p => p.grad).Where(g => g is not null).Select(g => g!.isfinite().all()).ToList();
        return checks.Count == 0 || stack(checks).all().item<bool>();
    }

    /// <summary>Tracks the early-stopping metric (the validation total loss without early stopping).</summary>
    private void TrackBest(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        double value = _monitor.ValueIn(logs, "EarlyStopping");
        if (!_monitor.Improves(value, _bestValue))
        {
            _epochsWithoutImprovement++;
            return;
        }

        _bestValue = value;
        _bestEpoch = epoch;
        _epochsWithoutImprovement = 0;
        if (KeepsBestWeights)
        {
            SnapshotBestWeights();
        }
    }

    private bool IsPatienceExhausted() =>
        _options.EarlyStopping is { } early && _epochsWithoutImprovement >= early.Patience;

    private void SnapshotBestWeights()
    {
        DisposeBestWeights();
        using var scope = NewDisposeScope();
        _bestWeights = _module.state_dict().ToDictionary(
            e => e.Key,
            e => e.Value.detach().cpu().clone().DetachFromDisposeScope(),
            StringComparer.Ordinal);
    }

    private void DisposeBestWeights()
    {
        if (_bestWeights is null)
        {
            return;
        }

        foreach (var weight in _bestWeights.Values)
        {
            weight.Dispose();
        }

        _bestWeights = null;
    }

    private TrainerState CurrentState(int epoch)
    {
        string rng;
        using (var state = random.get_rng_state())
        {
            rng = Convert.ToBase64String(state.data<byte>().ToArray());
        }

        return new TrainerState(
            TrainerState.CurrentFormatVersion,
            _model.ModelInfo.Name,
            CheckpointFiles.Fingerprint(_module),
            _options.Optimizer.ToString(),
            _options.Seed,
            epoch,
            _bestValue,
            _bestEpoch,
            _epochsWithoutImprovement,
            KeepsBestWeights && _bestWeights is not null,
            rng,
            _history.ToArray(),
            _schedule.Steps,
            _schedule.Rates())
        {
            BatchSize = _options.BatchSize,
            Shuffle = _options.Shuffle,
            TrainSamples = _trainSamples,
            GradientClipNorm = _options.GradientClipNorm ?? 0,
            AccumulateGradBatches = _options.AccumulateGradBatches,
        };
    }

    /// <summary>The shuffling seed of an epoch: a function of the run's seed and the epoch number only.</summary>
    private long EpochSeed(int epoch) => unchecked((_options.Seed * 1_000_003L) ^ (epoch * 0x5851F42D4C957F2DL));
}
