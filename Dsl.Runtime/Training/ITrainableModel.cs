using System;
using System.Collections.Generic;
using Dsl.Metadata;
using TorchSharp;

namespace Dsl.Training;

/// <summary>One named term of a model's loss: its value (a scalar tensor) and its weight in the total.</summary>
public readonly record struct LossValue(string Name, torch.Tensor Value, double Weight);

/// <summary>The loss of one batch: the weighted total (what is minimized) and every term by name.</summary>
public interface ILosses : IDisposable
{
    /// <summary>The weighted sum of all terms, a scalar tensor.</summary>
    torch.Tensor Total { get; }

    /// <summary>Every term, in declaration order, unweighted.</summary>
    IReadOnlyList<LossValue> Terms { get; }
}

/// <summary>The outputs and losses of one batch; disposing it disposes every tensor it holds.</summary>
public sealed class StepResult : IDisposable
{
    public StepResult(IReadOnlyDictionary<string, torch.Tensor> outputs, ILosses losses)
    {
        Outputs = outputs;
        Losses = losses;
    }

    /// <summary>The model's outputs by declared name.</summary>
    public IReadOnlyDictionary<string, torch.Tensor> Outputs { get; }

    /// <summary>The total and per-term losses.</summary>
    public ILosses Losses { get; }

    public void Dispose()
    {
        foreach (var output in Outputs.Values)
        {
            output.Dispose();
        }

        Losses.Dispose();
    }
}

/// <summary>
/// What the trainer needs of a model: implemented by every generated model that declares losses. Batches are
/// named tensors: a dataset's columns are named after the model's inputs and targets (<c>image</c>,
/// <c>label</c>, <c>isOdd</c>), so one batch feeds both.
/// </summary>
public interface ITrainableModel
{
    /// <summary>The model's metadata, including its loss terms (<see cref="ModelInfo.Losses"/>).</summary>
    ModelInfo ModelInfo { get; }

    /// <summary>Runs forward on the batch's input columns and computes the loss against its target columns.</summary>
    /// <exception cref="ArgumentException">A column is missing or has the wrong shape or dtype.</exception>
    StepResult Step(IReadOnlyDictionary<string, torch.Tensor> batch);

    /// <summary>Runs forward on the batch's input columns only (targets are not needed): the outputs by declared name.</summary>
    /// <exception cref="ArgumentException">An input column is missing or has the wrong shape or dtype.</exception>
    IReadOnlyDictionary<string, torch.Tensor> Infer(IReadOnlyDictionary<string, torch.Tensor> batch);
}
