using System.Collections.Generic;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>Helpers for the ordered (name, tensor) lists the readers build.</summary>
internal static class NamedTensors
{
    /// <summary>Disposes every tensor of a list that a reader owns (after a failure, or with its file).</summary>
    public static void DisposeAll(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        foreach (var (_, tensor) in tensors)
        {
            tensor.Dispose();
        }
    }
}
