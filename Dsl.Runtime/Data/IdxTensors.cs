using System;
using TorchSharp;

namespace Dsl.Data;

/// <summary>Turns IDX arrays into the tensors models train on: images as float32 0..1, labels as int64.</summary>
public static class IdxTensors
{
    /// <summary>
    /// Unsigned-byte images <c>[N, H, W]</c> (MNIST: <c>[N, 28, 28]</c>) as a float32 tensor <c>[N, 1, H, W]</c>
    /// scaled to 0..1 (pixel / 255), on the CPU.
    /// </summary>
    /// <exception cref="ArgumentException">The array is not 3-dimensional unsigned bytes.</exception>
    public static torch.Tensor ToImages(IdxArray images)
    {
        ArgumentNullException.ThrowIfNull(images);
        Require(images, rank: 3, "images [count, rows, columns]");
        long[] shape = [images.Dims[0], 1, images.Dims[1], images.Dims[2]];
        using torch.Tensor bytes = torch.tensor(images.Bytes, shape, dtype: torch.ScalarType.Byte);
        using torch.Tensor floats = bytes.to_type(torch.ScalarType.Float32);
        return floats.div(255f);
    }

    /// <summary>Unsigned-byte labels <c>[N]</c> as an int64 tensor <c>[N]</c> (class indices), on the CPU.</summary>
    /// <exception cref="ArgumentException">The array is not 1-dimensional unsigned bytes.</exception>
    public static torch.Tensor ToLabels(IdxArray labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Require(labels, rank: 1, "labels [count]");
        using torch.Tensor bytes = torch.tensor(labels.Bytes, [labels.Dims[0]], dtype: torch.ScalarType.Byte);
        return bytes.to_type(torch.ScalarType.Int64);
    }

    private static void Require(IdxArray array, int rank, string what)
    {
        if (array.DataType != IdxDataType.UnsignedByte || array.Dims.Count != rank)
        {
            throw new ArgumentException(
                $"{array.Source ?? "IDX array"}: expected {what} of {IdxDataTypes.Describe(IdxDataType.UnsignedByte)}, " +
                $"found {DataText.Dims(array.Dims)} of {IdxDataTypes.Describe(array.DataType)}; is this the right file?",
                nameof(array));
        }
    }
}
