using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>A tensor holding NaN or infinite values: its name and how many of its values are not finite.</summary>
/// <param name="Name">The state-dict or file name.</param>
/// <param name="NaN">How many values are NaN.</param>
/// <param name="Infinite">How many values are +/- infinity.</param>
/// <param name="Count">How many values the tensor has.</param>
public sealed record NonFiniteTensor(string Name, long NaN, long Infinite, long Count)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {NaN} NaN and {Infinite} infinite of {Count} values");
}

/// <summary>
/// Finds weights holding NaN or infinity: every load reports them (<see cref="WeightLoadReport.NonFinite"/>; a strict
/// load refuses them), and an export calls <see cref="ThrowIfAny(nn.Module, string)"/> before writing a model that
/// would compute NaN wherever it runs.
/// </summary>
/// <example>
/// <code>
/// NonFiniteWeights.ThrowIfAny(model, "ONNX export of DigitClassifier");
/// model.ExportOnnx("digits.onnx");
/// </code>
/// </example>
public static class NonFiniteWeights
{
    /// <summary>The floating-point tensors of <paramref name="tensors"/> that hold NaN or infinity, in the given order.</summary>
    public static IReadOnlyList<NonFiniteTensor> Find(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var found = new List<NonFiniteTensor>();
        using var scope = NewDisposeScope();
        foreach (var (name, tensor) in tensors)
        {
            if (tensor is null || !tensor.is_floating_point() || tensor.isfinite().all().item<bool>())
            {
                continue;
            }

            found.Add(new NonFiniteTensor(name, tensor.isnan().sum().item<long>(), tensor.isinf().sum().item<long>(), tensor.numel()));
        }

        return found;
    }

    /// <summary>The parameters and buffers of <paramref name="module"/> that hold NaN or infinity, in state-dict order.</summary>
    public static IReadOnlyList<NonFiniteTensor> Find(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Find(module.state_dict());
    }

    /// <summary>
    /// Throws a <see cref="NonFiniteWeightsException"/> naming every parameter and buffer of <paramref name="module"/>
    /// that holds NaN or infinity. Call it before exporting (ONNX, a PyTorch project, a weight file for another program).
    /// </summary>
    /// <param name="module">The model to check.</param>
    /// <param name="purpose">What is about to happen, for the message (<c>"ONNX export of DigitClassifier"</c>).</param>
    public static void ThrowIfAny(nn.Module module, string purpose)
    {
        var found = Find(module);
        if (found.Count > 0)
        {
            throw new NonFiniteWeightsException(purpose, found);
        }
    }

    /// <summary>The lines listing <paramref name="found"/>, at most 10 and a count of the rest.</summary>
    internal static string List(IReadOnlyList<NonFiniteTensor> found) =>
        string.Join("; ", found.Take(10)) + (found.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $"; and {found.Count - 10} more") : "");
}

/// <summary>A model's weights hold NaN or infinity where finite weights are needed (an export); nothing was written.</summary>
public sealed class NonFiniteWeightsException : Exception
{
    /// <summary>Creates the exception for <paramref name="purpose"/> and the tensors found.</summary>
    public NonFiniteWeightsException(string purpose, IReadOnlyList<NonFiniteTensor> tensors)
        : base($"{purpose}: the model's weights hold NaN or infinity, so the result would compute NaN: {NonFiniteWeights.List(tensors)}. " +
            "Nothing was written. Train or load finite weights first (a training run that diverged, or a weight file with NaN, leaves them so).")
    {
        Tensors = tensors;
    }

    /// <summary>The tensors holding NaN or infinity.</summary>
    public IReadOnlyList<NonFiniteTensor> Tensors { get; }
}
