using System;
using System.Collections.Generic;
using Dsl.Training.Callbacks;
using Dsl.Training.Schedules;

namespace Dsl.Training;

/// <summary>How <see cref="Trainer.Fit"/> trains.</summary>
public sealed record TrainingOptions
{
    /// <summary>The total number of epochs (a resumed run continues up to this number).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per mini-batch; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Seeds torch's random generator (dropout) at the start of a fresh run and the shuffling of every epoch
    /// (each epoch's order depends on the seed and the epoch number only, so a resumed run sees the same order).
    /// Checkpoints store torch's CPU generator; on CUDA, dropout draws from the device's generator, which is
    /// seeded but not checkpointed, so a resumed CUDA run matches an uninterrupted one up to its dropout masks.
    /// </summary>
    public long Seed { get; init; } = 42;

    /// <summary>The device: <c>"cpu"</c>, <c>"cuda"</c> or <c>"cuda:N"</c>. The model is moved there.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Shuffle the training samples every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The optimizer; Adam with the Keras defaults unless set.</summary>
    public OptimizerSpec Optimizer { get; init; } = OptimizerSpec.Adam();

    /// <summary>
    /// The learning-rate schedule, or null for a constant rate. Stepped after every epoch or batch; its state
    /// survives a resume (replayed and checked against the checkpoint's rates).
    /// </summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>
    /// Callbacks called on the training thread at the start, after every batch and epoch, and at the end: loggers
    /// (<see cref="CsvLogger"/>, <see cref="TensorBoardLogger"/>), <see cref="BestModelCheckpoint"/>, or your own.
    /// </summary>
    public IReadOnlyList<ITrainingCallback> Callbacks { get; init; } = Array.Empty<ITrainingCallback>();

    /// <summary>The k of the top-k accuracy reported for classification terms with more than k classes.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Early stopping on a monitored metric (the validation total loss unless set), or null for none.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>
    /// Where checkpoints are written after every epoch (model weights, optimizer state, trainer state), or null
    /// for none. Every fresh run gets a folder of its own under it, <c>version_0</c>, <c>version_1</c>, ... (as
    /// PyTorch Lightning does), so running a program again starts a new run and keeps the earlier ones; in its folder
    /// only the latest checkpoint is kept (<see cref="TrainingHistory.CheckpointFolder"/> names it). One run at a time
    /// holds the directory (the lock file <c>.lock</c>, released when the run ends or its process dies): a second
    /// run on it is refused with a <see cref="CheckpointException"/>.
    /// </summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>
    /// Continue the latest run under <see cref="CheckpointDirectory"/> from its latest complete checkpoint (a fresh
    /// run when it holds none). The checkpoint is checked before anything is loaded: the seed, batch size, shuffling,
    /// training set size, gradient clipping, gradient accumulation, optimizer and schedule must be the run's, and <see cref="Epochs"/> at
    /// least the epochs already trained; each difference is a <see cref="CheckpointException"/> saying what differs.
    /// Without it, a new run starts in a new folder.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>Clips the gradients' total L2 norm to this value before each step, or null for no clipping.</summary>
    public double? GradientClipNorm { get; init; }

    /// <summary>
    /// What <see cref="Trainer.Fit"/> prints: by default (<see cref="TrainingVerbosity.Auto"/>) a live progress bar
    /// on a terminal and one line per epoch when the output is redirected, unless the caller passes its own
    /// <see cref="ITrainingObserver"/>; <see cref="TrainingVerbosity.Silent"/> prints nothing.
    /// </summary>
    public TrainingVerbosity Verbose { get; init; }

    /// <summary>
    /// Metrics of your own (<see cref="CustomMetric"/>), computed on every training and validation batch and reported
    /// per epoch, as a mean weighted by batch size, beside the built-in ones (<c>name</c> and <c>val_name</c>).
    /// </summary>
    public IReadOnlyList<CustomMetric> Metrics { get; init; } = Array.Empty<CustomMetric>();

    /// <summary>
    /// Gradient accumulation (PyTorch Lightning's name): the optimizer steps once every this many batches, on the
    /// gradients of the loss of all of them together, as if they were one batch of <see cref="BatchSize"/> times this
    /// many samples (1, the default: a step per batch). Every loss term is a mean, so each batch's term is weighted by
    /// its share of the samples the group's term averages over (for a term with a mask or an ignore index, its share of
    /// the mask weight and kept targets),
    /// which gives the gradient of the large batch's mean up to floating-point order, also for a smaller last batch
    /// and for the last group of an epoch (which steps with the batches it has). Schedules, <c>SchedulerSteps</c> and a
    /// batch schedule's total count optimizer steps; observers and callbacks still see every batch. A resume must use
    /// the run's value. Terms weighted per class (cross-entropy with class weights) are weighted by their samples, not
    /// by the sum of their class weights, so for them the equality holds in expectation only.
    /// </summary>
    public int AccumulateGradBatches { get; init; } = 1;

    /// <summary>
    /// Prepares the next batch (gathering its rows and moving it to <see cref="Device"/>) on a background thread
    /// while the current one trains, at most one batch ahead, in the same order (results are bit-identical with it
    /// off). Off by default: on the measured 2-core CPU machine its saving was within the noise (docs/benchmarks.md,
    /// section 3); gathering a batch is a small share of a step there, and larger where a batch is costly to build or
    /// copied to a GPU. The batches are created on a pool thread and disposed on the training thread, so TorchSharp's
    /// per-thread live-tensor statistics (<c>ThreadTotalLiveCount</c>) count them on different threads.
    /// </summary>
    public bool PrefetchBatches { get; init; }

    /// <summary>
    /// The precision of training (and of validation during <see cref="Trainer.Fit{TModel}"/>): <see cref="Training.Precision.Float32"/>
    /// (the default) or <see cref="Training.Precision.Bf16Mixed"/>, where the generated forward computes convolutions, linear
    /// layers and matmul in bfloat16 and everything else in float32, with float32 weights, gradients, optimizer state,
    /// checkpoints and weight files (see <see cref="MixedPrecision"/>). On a CPU without native bfloat16 it says so once and
    /// trains in float32 unless <see cref="ForcePrecision"/>. <see cref="Training.Precision.Auto"/> takes bf16-mixed only where
    /// this host's bfloat16 kernels measured faster (<see cref="Bf16Speed"/>) and says which it took. <c>Trainer.Predict</c> and
    /// <c>Evaluate</c> outside Fit stay float32.
    /// </summary>
    public Precision Precision { get; init; } = Precision.Float32;

    /// <summary>Use <see cref="Training.Precision.Bf16Mixed"/> even on a CPU without native bfloat16 (emulated there, so slower than float32); <see cref="Training.Precision.Auto"/> ignores it.</summary>
    public bool ForcePrecision { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "TrainingOptions.Epochs must be at least 1.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "TrainingOptions.BatchSize must be at least 1.");
        }

        if (AccumulateGradBatches < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(AccumulateGradBatches),
                AccumulateGradBatches,
                "TrainingOptions.AccumulateGradBatches must be at least 1 (1: the optimizer steps after every batch; N: after every N batches, on their summed gradients).");
        }

        if (Optimizer is null)
        {
            throw new ArgumentException("TrainingOptions.Optimizer is null.", nameof(Optimizer));
        }

        if (GradientClipNorm is double clip && !(clip > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), clip, "TrainingOptions.GradientClipNorm must be > 0 (or null for no clipping).");
        }

        if (Resume && CheckpointDirectory is null)
        {
            throw new ArgumentException("TrainingOptions.Resume needs a CheckpointDirectory to resume from.", nameof(Resume));
        }

        if (TopK < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TrainingOptions.TopK must be at least 1.");
        }

        if (Callbacks is null)
        {
            throw new ArgumentException("TrainingOptions.Callbacks is null; leave it unset for none.", nameof(Callbacks));
        }

        if (Metrics is null)
        {
            throw new ArgumentException("TrainingOptions.Metrics is null; leave it unset for none.", nameof(Metrics));
        }

        EarlyStopping?.Validate();
        Schedule?.Validate();
    }

    /// <summary>Optimizer steps in an epoch of <paramref name="batches"/> batches: one per <see cref="AccumulateGradBatches"/> batches, the last group possibly smaller.</summary>
    internal int OptimizerStepsPerEpoch(int batches) => (batches + AccumulateGradBatches - 1) / AccumulateGradBatches;
}
