using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace Dsl.Training;

/// <summary>Reads the named columns of a batch for generated <c>Step</c> methods, with a clear error for a missing one.</summary>
public static class BatchColumns
{
    /// <summary>The column <paramref name="name"/> of <paramref name="batch"/>.</summary>
    /// <exception cref="ArgumentException">The batch has no such column; the message lists what the model needs and what the batch has.</exception>
    public static torch.Tensor Get(IReadOnlyDictionary<string, torch.Tensor> batch, string name, string model, string[] needed)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.TryGetValue(name, out var column))
        {
            return column;
        }

        throw new ArgumentException(
            $"{model}: the batch has no column '{name}'. The model needs the columns {string.Join(", ", needed)}; " +
            $"the batch has {(batch.Count == 0 ? "none" : string.Join(", ", batch.Keys.OrderBy(k => k, StringComparer.Ordinal)))}. " +
            "Name the dataset's columns after the model's inputs, targets and masks.",
            nameof(batch));
    }
}
