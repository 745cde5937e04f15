using System;
using System.Collections.Generic;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Training;
using TorchSharp;
using TorchSharp.Modules;
using TensorDataset = Dsl.Data.TensorDataset;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// A NaN during training names the tensor that first went non-finite (input, target, mask, weight, output, loss
/// term), not only the epoch and batch, and advises according to it.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class DivergenceSourceTests
{
    private static TrainingOptions Options => new() { Epochs = 1, BatchSize = 32, Seed = 7, Shuffle = false, Optimizer = OptimizerSpec.Adam(lr: 0.01) };

    [Fact]
    public void A_NaN_in_an_input_column_names_the_input()
    {
        using var data = SyntheticData.Blobs(64, seed: 1);
        data.Columns["x"][40, 1] = tensor(float.NaN);
        using var model = TinyClassifier.Create(seed: 3);

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(model, data, null, Options));

        Assert.Equal(DivergenceSource.Input, error.FirstNonFinite);
        Assert.Equal("x", error.NonFiniteTensor);
        Assert.Equal(1, error.Batch);
        Assert.Contains("The first non-finite tensor: input column 'x' holds 1 NaN and 0 infinite of 64 values.", error.Message, StringComparison.Ordinal);
        Assert.Contains("clean that column of the dataset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_mask_value_names_the_mask()
    {
        using var data = SyntheticData.Blobs(64, seed: 1);
        data.Columns["mask"][3] = tensor(float.PositiveInfinity);
        using var model = TinyClassifier.Create(seed: 3, masked: true);

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(model, data, null, Options));

        Assert.Equal(DivergenceSource.Mask, error.FirstNonFinite);
        Assert.Equal("mask", error.NonFiniteTensor);
        Assert.Equal(0, error.Batch);
        Assert.Contains("mask column 'mask' holds 0 NaN and 1 infinite of 32 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_target_names_the_target()
    {
        using var data = Regression(64);
        data.Columns["y"][5, 0] = tensor(float.NaN);
        using var model = new TinyRegressor();

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(model, data, null, Options));

        Assert.Equal(DivergenceSource.Target, error.FirstNonFinite);
        Assert.Equal("y", error.NonFiniteTensor);
        Assert.Contains("target column 'y' holds 1 NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_weight_names_the_weight_before_the_outputs_it_spoils()
    {
        using var data = SyntheticData.Blobs(64, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        using (no_grad())
        {
            model.state_dict()["fc2.bias"][1] = tensor(float.NaN);
        }

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(model, data, null, Options));

        Assert.Equal(DivergenceSource.Weight, error.FirstNonFinite);
        Assert.Equal("fc2.bias", error.NonFiniteTensor);
        Assert.Contains("weight 'fc2.bias' holds 1 NaN and 0 infinite of 4 values", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the weights loaded into the model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3e38f, DivergenceSource.Output, "prediction", "output 'prediction' holds 0 NaN and 1 infinite of 32 values")]
    [InlineData(1e20f, DivergenceSource.Loss, "y", "loss term 'y' holds 0 NaN and 1 infinite of 1 values")]
    public void Finite_values_that_overflow_name_the_output_or_the_loss_term(float value, DivergenceSource source, string name, string detail)
    {
        using var data = Regression(64);
        data.Columns["x"][2, 0] = tensor(value);
        data.Columns["x"][2, 1] = tensor(value);
        data.Columns["y"][2, 0] = tensor(0f);
        using var model = new TinyRegressor();
        using (no_grad())
        {
            model.state_dict()["fc.weight"].copy_(tensor(new float[] { 2, 2 }).reshape(1, 2));
        }

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(model, data, null, Options));

        Assert.Equal(source, error.FirstNonFinite);
        Assert.Equal(name, error.NonFiniteTensor);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Contains("the forward pass or the loss overflowed from finite values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_an_empty_dataset_is_refused_instead_of_returning_NaN()
    {
        using var data = SyntheticData.Blobs(8, seed: 1);
        using var empty = data.Take(0);
        using var model = TinyClassifier.Create(seed: 3);

        var error = Assert.Throws<ArgumentException>(() => Trainer.Evaluate(model, empty));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("The dataset is empty: there is nothing to evaluate TinyClassifier on", error.Message, StringComparison.Ordinal);
    }

    private static TensorDataset Regression(int count)
    {
        random.manual_seed(5);
        var x = randn(new long[] { count, 2 });
        return new TensorDataset(new Dictionary<string, Tensor> { ["x"] = x, ["y"] = x.sum(1, keepdim: true) });
    }

    /// <summary><c>prediction = Linear(2, 1)(x)</c> with a mean squared error against the column <c>y</c>.</summary>
    private sealed class TinyRegressor : nn.Module, ITrainableModel
    {
        private readonly Linear fc;

        public TinyRegressor()
            : base(nameof(TinyRegressor))
        {
            random.manual_seed(1);
            fc = nn.Linear(2, 1);
            register_module("fc", fc);
            ModelInfo = new ModelInfo(
                nameof(TinyRegressor),
                new[] { new TensorInfo("x", "[B, 2]", "float32") },
                new[] { new TensorInfo("prediction", "[B, 1]", "float32") },
                Array.Empty<LayerInfo>())
            {
                Losses = new[] { new LossInfo("y", "Mse", 1.0, "prediction", "y", null, IsClassification: false) },
            };
        }

        public ModelInfo ModelInfo { get; }

        public StepResult Step(IReadOnlyDictionary<string, Tensor> batch)
        {
            var prediction = fc.call(batch["x"]);
            var loss = nn.functional.mse_loss(prediction, batch["y"]);
            return new StepResult(new Dictionary<string, Tensor> { ["prediction"] = prediction }, new TestLosses(loss, new[] { new LossValue("y", loss.alias(), 1.0) }));
        }

        public IReadOnlyDictionary<string, Tensor> Infer(IReadOnlyDictionary<string, Tensor> batch) =>
            new Dictionary<string, Tensor> { ["prediction"] = fc.call(batch["x"]) };
    }
}
