using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Metadata;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// Finds the first tensor of a training step that holds NaN or infinity, in the order data flows: the batch's input,
/// target and mask columns, the model's weights, its outputs, the loss terms; and for a finite loss with non-finite
/// gradients, the first parameter whose gradient is not finite. Runs only after a step diverged.
/// </summary>
internal static class DivergenceDiagnosis
{
    /// <summary>The first non-finite tensor of a step whose loss is not finite.</summary>
    public static (DivergenceSource Source, string? Name, string Detail) OfLoss(
        nn.Module module, ModelInfo info, IReadOnlyDictionary<string, Tensor> batch, StepResult result)
    {
        using var scope = NewDisposeScope();
        var columns = new List<(DivergenceSource, string, Tensor)>();
        foreach (var input in info.Inputs)
        {
            Add(columns, batch, DivergenceSource.Input, input.Name);
        }

        foreach (var loss in info.Losses)
        {
            if (loss.Target is string target)
            {
                Add(columns, batch, DivergenceSource.Target, target);
            }
        }

        foreach (var loss in info.Losses)
        {
            if (loss.Mask is string mask)
            {
                Add(columns, batch, DivergenceSource.Mask, mask);
            }
        }

        var candidates = columns
            .Concat(module.state_dict().Select(e => (DivergenceSource.Weight, e.Key, e.Value)))
            .Concat(result.Outputs.Select(o => (DivergenceSource.Output, o.Key, o.Value)))
            .Concat(result.Losses.Terms.Select(t => (DivergenceSource.Loss, t.Name, t.Value)))
            .Append((DivergenceSource.Loss, "total", result.Losses.Total));
        foreach (var (source, name, tensor) in candidates)
        {
            if (Count(tensor) is string counts)
            {
                return (source, name, $"{Describe(source, name)} holds {counts}");
            }
        }

        return (DivergenceSource.Unknown, null, "no input, target, mask, weight, output or loss term holds NaN or infinity");
    }

    /// <summary>The first trainable parameter whose gradient is not finite.</summary>
    public static (DivergenceSource Source, string? Name, string Detail) OfGradients(nn.Module module)
    {
        using var scope = NewDisposeScope();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (parameter.requires_grad && parameter.grad is { } grad && Count(grad) is string counts)
            {
                return (DivergenceSource.Gradient, name, $"{Describe(DivergenceSource.Gradient, name)} holds {counts}");
            }
        }

        return (DivergenceSource.Unknown, null, "no parameter's gradient holds NaN or infinity");
    }

    private static void Add(List<(DivergenceSource, string, Tensor)> columns, IReadOnlyDictionary<string, Tensor> batch, DivergenceSource source, string name)
    {
        if (batch.TryGetValue(name, out var column) && !columns.Any(c => c.Item2 == name))
        {
            columns.Add((source, name, column));
        }
    }

    /// <summary>"2 NaN and 1 infinite of 64 values", or null when the tensor is finite (or not floating point).</summary>
    private static string? Count(Tensor tensor)
    {
        if (!tensor.is_floating_point())
        {
            return null;
        }

        long nan = tensor.isnan().sum().item<long>();
        long inf = tensor.isinf().sum().item<long>();
        if (nan == 0 && inf == 0)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{nan} NaN and {inf} infinite of {tensor.numel()} values");
    }

    private static string Describe(DivergenceSource source, string name) => source switch
    {
        DivergenceSource.Input => $"input column '{name}'",
        DivergenceSource.Target => $"target column '{name}'",
        DivergenceSource.Mask => $"mask column '{name}'",
        DivergenceSource.Weight => $"weight '{name}'",
        DivergenceSource.Output => $"output '{name}'",
        DivergenceSource.Loss => name == "total" ? "the total loss" : $"loss term '{name}'",
        _ => $"the gradient of '{name}'",
    };
}
