using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dsl.Checks;
using Dsl.Data;
using Dsl.Training.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// Trains, evaluates and runs any model that implements <see cref="ITrainableModel"/> (every generated model with
/// losses) on <see cref="TensorDataset"/>s whose columns are named after the model's inputs and targets.
/// </summary>
/// <example>
/// <code>
/// var history = Trainer.Fit(model, train, validation, new TrainingOptions
/// {
///     Epochs = 12, BatchSize = 128, Optimizer = OptimizerSpec.Adadelta(),
///     EarlyStopping = new EarlyStopping(Patience: 3), CheckpointDirectory = "out/checkpoints", Resume = true,
/// }, observer, cancellationToken);
/// var test = Trainer.Evaluate(model, testSet, batchSize: 256);
/// </code>
/// </example>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> for <see cref="TrainingOptions.Epochs"/> epochs (or until early stopping or
    /// cancellation), validating after every epoch and checkpointing when asked. The model is moved to
    /// <see cref="TrainingOptions.Device"/>. Same seed, same data, same device: bit-identical weights, also across
    /// an interruption and <see cref="TrainingOptions.Resume"/>.
    /// </summary>
    /// <param name="model">The model; its initial weights are the caller's (seed torch before constructing it).</param>
    /// <param name="train">The training samples.</param>
    /// <param name="validation">Validation samples, or null.</param>
    /// <param name="options">Epochs, batch size, optimizer, seed, device, early stopping, checkpoints.</param>
    /// <param name="observer">
    /// Receives progress, or null. Without one the trainer prints Keras-style progress (<see cref="TrainingOptions.Verbose"/>).
    /// </param>
    /// <param name="cancellationToken">Stops training after the current batch; the last checkpoint stays valid.</param>
    /// <exception cref="TrainingDivergedException">A batch's loss or gradients were NaN or infinite.</exception>
    /// <exception cref="CheckpointException">
    /// The checkpoint to resume from is unusable (corrupt: its checksum differs; inconsistent; another architecture;
    /// another seed, batch size, optimizer or training set size; more epochs done than asked for), another run holds
    /// the checkpoint directory, or a checkpoint could not be written (the previous one is then kept).
    /// </exception>
    /// <exception cref="ArgumentException">Invalid options, device or datasets.</exception>
    public static TrainingHistory Fit<TModel>(
        TModel model,
        TensorDataset train,
        TensorDataset? validation,
        TrainingOptions options,
        ITrainingObserver? observer = null,
        CancellationToken cancellationToken = default)
        where TModel : nn.Module, ITrainableModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CustomMetric.CheckNames(options.Metrics, model.ModelInfo, options.TopK);
        OneDnnKernels.ChooseOnFirstUse(); // before the first step's convolutions, unless the app chose already
        if (train.Count == 0)
        {
            throw new ArgumentException("The training dataset is empty.", nameof(train));
        }

        if (options.EarlyStopping is { } early && early.Monitor.StartsWith("val_", StringComparison.Ordinal) && (validation is null || validation.Count == 0))
        {
            throw new ArgumentException(
                $"EarlyStopping monitors '{early.Monitor}', a validation metric: pass a non-empty validation dataset, or monitor a training metric such as \"loss\".",
                nameof(validation));
        }

        Device device = DeviceChoice.Parse(options.Device);
        model.to(device);
        using var optimizer = options.Optimizer.Create(model);
        var schedule = new ScheduleRunner(options.Schedule, optimizer, options.Optimizer, options.Epochs, options.OptimizerStepsPerEpoch(train.BatchCount(options.BatchSize)));
        using var run = new TrainingRun(model, model, optimizer, schedule, options, device, ConsoleProgress.For(options.Verbose, observer, Console.Out, !Console.IsOutputRedirected));
        using var precision = MixedPrecision.Enter(options.Precision, device, options.ForcePrecision);
        return run.Fit(train, validation, cancellationToken);
    }

    /// <summary>
    /// The model's losses and metrics (accuracy, top-k accuracy, confusion matrix, precision / recall / F1, MAE / MSE /
    /// R²) on <paramref name="data"/> in eval mode without gradients, on the device
    /// the model's parameters are on. The model's train/eval mode is restored afterwards.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Samples with the model's input and target columns.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="topK">The k of <see cref="EvaluationMetrics.TopKAccuracy"/>.</param>
    /// <param name="metrics">Metrics of your own, as in <see cref="TrainingOptions.Metrics"/>: their sample-weighted means are in <see cref="EvaluationMetrics.Custom"/>.</param>
    /// <exception cref="ArgumentException">The dataset is empty, or a custom metric's name is unusable.</exception>
    public static EvaluationMetrics Evaluate<TModel>(TModel model, TensorDataset data, int batchSize = 256, int topK = 5, IReadOnlyList<CustomMetric>? metrics = null)
        where TModel : nn.Module, ITrainableModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        if (metrics is not null)
        {
            CustomMetric.CheckNames(metrics, model.ModelInfo, topK, nameof(metrics));
        }

        if (data.Count == 0)
        {
            throw new ArgumentException(
                $"The dataset is empty: there is nothing to evaluate {model.ModelInfo.Name} on (its losses and metrics would be NaN). " +
                "Pass a dataset with at least one sample (check the split or filter that built it).",
                nameof(data));
        }

        return Evaluate(model, model, data, batchSize, DeviceChoice.Of(model), topK, metrics);
    }

    /// <summary>
    /// Runs the model over <paramref name="data"/> in eval mode without gradients and returns the output
    /// <paramref name="outputName"/> of every sample, concatenated along the batch dimension, on the CPU. The
    /// returned tensor belongs to the caller. Only the input columns are read (<see cref="ITrainableModel.Infer"/>):
    /// a dataset without targets predicts. Name the output with the generated constant (<c>Model.Columns.Logits</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Empty data, or no output of that name.</exception>
    public static Tensor Predict<TModel>(TModel model, TensorDataset data, string outputName, int batchSize = 256)
        where TModel : nn.Module, ITrainableModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outputName);
        if (data.Count == 0)
        {
            throw new ArgumentException("The dataset is empty: there is nothing to predict.", nameof(data));
        }

        Device device = DeviceChoice.Of(model);
        var pieces = new List<Tensor>();
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using (no_grad())
            {
                foreach (long[] indices in data.BatchIndices(batchSize))
                {
                    using var scope = NewDisposeScope();
                    var outputs = model.Infer(data.GetBatch(indices, device));
                    if (!outputs.TryGetValue(outputName, out var output))
                    {
                        throw new ArgumentException(
                            $"{model.ModelInfo.Name} has no output '{outputName}'; its outputs are [{string.Join(", ", outputs.Keys)}].",
                            nameof(outputName));
                    }

                    pieces.Add(output.detach().cpu().DetachFromDisposeScope());
                }
            }

            return cat(pieces, 0);
        }
        finally
        {
            foreach (var piece in pieces)
            {
                piece.Dispose();
            }

            model.train(wasTraining);
        }
    }

    /// <summary>Evaluation shared by <see cref="Evaluate{TModel}"/> and the validation of <see cref="Fit{TModel}"/>.</summary>
    internal static EvaluationMetrics Evaluate(nn.Module module, ITrainableModel model, TensorDataset data, int batchSize, Device device, int topK, IReadOnlyList<CustomMetric>? custom = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var metrics = new MetricAccumulator(topK);
        bool wasTraining = module.training;
        module.eval();
        try
        {
            using (no_grad())
            {
                foreach (long[] indices in data.BatchIndices(batchSize))
                {
                    using var scope = NewDisposeScope();
                    var batch = data.GetBatch(indices, device);
                    using var result = model.Step(batch);
                    metrics.Add(BatchStatistics.Compute(model.ModelInfo, result, batch, topK, custom), indices.Length);
                }
            }
        }
        finally
        {
            module.train(wasTraining);
        }

        return metrics.Result();
    }
}
