using System.Collections.Generic;
using Dsl.Metadata;
using Dsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// A stand-in for a generated model with a regression head: <c>prediction = x</c> (the input column copied, no
/// parameters) with an Mse term <c>y</c>, optionally masked by <c>mask</c>, so its metrics can be computed by hand.
/// </summary>
internal sealed class FixedRegressor : nn.Module, ITrainableModel
{
    public FixedRegressor(bool masked = false)
        : base(nameof(FixedRegressor))
    {
        ModelInfo = new ModelInfo(
            nameof(FixedRegressor),
            new[] { new TensorInfo("x", "[B, 2]", "float32") },
            new[] { new TensorInfo("prediction", "[B, 2]", "float32") },
            System.Array.Empty<LayerInfo>())
        {
            Losses = new[] { new LossInfo("y", "Mse", 1.0, "prediction", "y", masked ? "mask" : null, IsClassification: false) },
        };
    }

    public ModelInfo ModelInfo { get; }

    public StepResult Step(IReadOnlyDictionary<string, Tensor> batch)
    {
        var prediction = batch["x"].clone();
        var loss = LossFunctions.Mse(prediction, batch["y"], ModelInfo.Losses[0].Mask is null ? null : batch["mask"]);
        return new StepResult(new Dictionary<string, Tensor> { ["prediction"] = prediction }, new TestLosses(loss, new[] { new LossValue("y", loss.alias(), 1.0) }));
    }

    public IReadOnlyDictionary<string, Tensor> Infer(IReadOnlyDictionary<string, Tensor> batch) =>
        new Dictionary<string, Tensor> { ["prediction"] = batch["x"].clone() };
}
