using System;
using System.Text;
using TorchSharp;

namespace Dsl.Checks;

/// <summary>
/// The run-time checks generated modules call at the entry of <c>forward</c> and <c>ComputeLoss</c>: rank, every
/// size known at compile time, a batch of at least one sample, a batch size shared by all tensors, and the dtype.
/// A mismatch throws an <see cref="ArgumentException"/> naming the model, the tensor and what was expected. The
/// cost is a few integer comparisons per tensor; each checked tensor is remembered (<see cref="CheckedTensors"/>)
/// so the loss functions can name it when its values are out of range.
/// </summary>
public static class TensorCheck
{
    /// <summary>Marks a dimension whose size is only known at run time (the batch, or a symbolic dim).</summary>
    public const long Any = -1;

    /// <summary>
    /// Checks <paramref name="tensor"/> against <paramref name="expected"/> (batch first; <see cref="Any"/> where
    /// the size is symbolic) and the batch size seen so far (0 before the first tensor). An empty batch (batch
    /// size 0) is refused: a forward pass over no samples has nothing to compute and the mean loss of none is NaN;
    /// refusing it here also keeps 0 meaning "no batch seen yet" for the checks that follow.
    /// </summary>
    /// <returns>The batch size, to pass on to the next check.</returns>
    public static long Check(
        string model,
        string role,
        string name,
        torch.Tensor? tensor,
        ReadOnlySpan<long> expected,
        string expectedText,
        torch.ScalarType dtype,
        long batch)
    {
        // The first check of a generated forward pass comes before any layer runs: choose oneDNN's kernels now
        // unless the app did (one volatile read once chosen).
        OneDnnKernels.ChooseOnFirstUse();
        if (tensor is null)
        {
            throw new ArgumentNullException(name, $"{model}: {role} '{name}' is null; expected a tensor of shape {expectedText} ({DTypeName(dtype)}).");
        }

        var shape = tensor.shape;
        bool ok = shape.Length == expected.Length && tensor.dtype == dtype;
        for (int i = 0; ok && i < shape.Length; i++)
        {
            ok = expected[i] == Any || expected[i] == shape[i];
        }

        if (!ok)
        {
            throw new ArgumentException(
                $"{model}: {role} '{name}' expects shape {expectedText} ({DTypeName(dtype)}) but got {Format(shape)} ({DTypeName(tensor.dtype)}).",
                name);
        }

        if (shape.Length > 0 && shape[0] == 0)
        {
            throw new ArgumentException(
                $"{model}: {role} '{name}' is an empty batch (shape {Format(shape)}); expected at least one sample in {expectedText}. " +
                "Skip empty batches: a model has nothing to compute on them and their mean loss is NaN.",
                name);
        }

        if (shape.Length > 0 && batch != 0 && shape[0] != batch)
        {
            throw new ArgumentException(
                $"{model}: {role} '{name}' has batch size {shape[0]} but earlier tensors have batch size {batch}; all tensors of one call must share the batch dimension.",
                name);
        }

        CheckedTensors.Remember(tensor, model, role, name);
        return shape.Length > 0 ? shape[0] : batch;
    }

    /// <summary>Formats a concrete shape as <c>[128, 1, 28, 28]</c>.</summary>
    public static string Format(ReadOnlySpan<long> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(shape[i]);
        }

        return text.Append(']').ToString();
    }

    /// <summary>The PyTorch name of a dtype (<c>float32</c>, <c>int64</c>).</summary>
    public static string DTypeName(torch.ScalarType dtype) => dtype switch
    {
        torch.ScalarType.Float32 => "float32",
        torch.ScalarType.Float64 => "float64",
        torch.ScalarType.Float16 => "float16",
        torch.ScalarType.BFloat16 => "bfloat16",
        torch.ScalarType.Int64 => "int64",
        torch.ScalarType.Int32 => "int32",
        torch.ScalarType.Int16 => "int16",
        torch.ScalarType.Int8 => "int8",
        torch.ScalarType.Byte => "uint8",
        torch.ScalarType.Bool => "bool",
        _ => dtype.ToString().ToLowerInvariant(),
    };
}
