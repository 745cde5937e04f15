using System.Collections.Generic;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class MetricsTests
{
    /// <summary>A parameter-free "model" whose logits are a column of the batch, so the expected metrics are known.</summary>
    private sealed class FixedLogits : nn.Module, ITrainableModel
    {
        public FixedLogits(string? mask)
            : base(nameof(FixedLogits))
        {
            ModelInfo = new ModelInfo(nameof(FixedLogits), System.Array.Empty<TensorInfo>(), System.Array.Empty<TensorInfo>(), System.Array.Empty<LayerInfo>())
            {
                Losses = new[] { new LossInfo("digit", "CrossEntropy", 1.0, "logits", "digit", mask, IsClassification: true) },
            };
        }

        public ModelInfo ModelInfo { get; }

        public StepResult Step(IReadOnlyDictionary<string, Tensor> batch)
        {
            var logits = batch["logits"].alias();
            var loss = nn.functional.cross_entropy(logits, batch["digit"]);
            return new StepResult(new Dictionary<string, Tensor> { ["logits"] = logits }, new TestLosses(loss, new[] { new LossValue("digit", loss, 1.0) }));
        }

        public IReadOnlyDictionary<string, Tensor> Infer(IReadOnlyDictionary<string, Tensor> batch) =>
            new Dictionary<string, Tensor> { ["logits"] = batch["logits"].alias() };
    }

    private static TensorDataset Data()
    {
        // Predictions: 0, 1, 2, 0, 1, 2. Samples 0-2 are right, 3 is wrong, and so are 4 and 5 (masked out).
        var logits = new float[6, 3];
        int[] predicted = { 0, 1, 2, 0, 1, 2 };
        for (int i = 0; i < 6; i++)
        {
            logits[i, predicted[i]] = 5f;
        }

        return new TensorDataset(new Dictionary<string, Tensor>
        {
            ["logits"] = tensor(logits),
            ["digit"] = tensor(new long[] { 0, 1, 2, 1, 0, 0 }),
            ["odd"] = tensor(new float[] { 1, 1, 1, 1, 0, 0 }),
        });
    }

    [Fact]
    public void Masked_accuracy_counts_only_the_samples_whose_mask_is_1()
    {
        using var data = Data();
        using var masked = new FixedLogits(mask: "odd");
        using var unmasked = new FixedLogits(mask: null);

        Assert.Equal(0.75, Trainer.Evaluate(masked, data, batchSize: 4).Accuracy["digit"]);
        Assert.Equal(0.5, Trainer.Evaluate(unmasked, data, batchSize: 4).Accuracy["digit"]);
    }

    [Fact]
    public void Losses_are_sample_weighted_so_the_batch_size_does_not_change_them()
    {
        using var data = Data();
        using var model = new FixedLogits(mask: null);
        double expected;
        using (var loss = nn.functional.cross_entropy(data.Columns["logits"], data.Columns["digit"]))
        {
            expected = loss.item<float>();
        }

        var inFours = Trainer.Evaluate(model, data, batchSize: 4); // batches of 4 and 2
        var inOnes = Trainer.Evaluate(model, data, batchSize: 1);

        Assert.Equal(expected, inFours.Total, 5);
        Assert.Equal(expected, inFours.Losses["digit"], 5);
        Assert.Equal(expected, inOnes.Total, 5);
        Assert.Equal(6, inFours.Samples);
    }

    [Fact]
    public void Evaluate_and_Predict_run_in_eval_mode_and_restore_the_mode()
    {
        using var data = SyntheticData.Blobs(50, seed: 1);
        using var model = TinyClassifier.Create(seed: 2);
        model.train();

        var first = Trainer.Evaluate(model, data, batchSize: 7);
        var second = Trainer.Evaluate(model, data, batchSize: 50);
        using var predicted = Trainer.Predict(model, data, "logits", batchSize: 7);
        using var again = Trainer.Predict(model, data, "logits", batchSize: 50);

        Assert.True(model.training);
        Assert.Equal(first.Total, second.Total, 5); // dropout is off: no randomness
        Assert.Equal(new long[] { 50, 4 }, predicted.shape);
        Assert.Equal(DeviceType.CPU, predicted.device_type);
        Assert.True(allclose(predicted, again, rtol: 1e-5, atol: 1e-6));
        Assert.Throws<System.ArgumentException>(() => Trainer.Predict(model, data, "nope"));
    }
}
