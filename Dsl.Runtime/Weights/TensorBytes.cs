using System;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// Moves a tensor's raw little-endian bytes between a stream and tensor memory in bulk: one copy straight into
/// (or out of) the tensor's storage, split into chunks only for tensors larger than a span can address.
/// </summary>
internal static class TensorBytes
{
    /// <summary>The largest piece copied at once (1 GiB); a span addresses at most 2 GiB.</summary>
    internal const long DefaultChunkBytes = 1L << 30;

    /// <summary>The number of bytes <paramref name="tensor"/>'s elements occupy.</summary>
    public static long SizeOf(Tensor tensor) => tensor.NumberOfElements * tensor.ElementSize;

    /// <summary>Fills <paramref name="tensor"/> (contiguous, on the CPU) with bytes read from <paramref name="stream"/>.</summary>
    public static void Read(Stream stream, Tensor tensor, long chunkBytes = DefaultChunkBytes)
    {
        EnsureLittleEndian();
        ForEachChunk(tensor, chunkBytes, span => stream.ReadExactly(span));
    }

    /// <summary>Writes the bytes of <paramref name="tensor"/> (any device or layout) to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, Tensor tensor, long chunkBytes = DefaultChunkBytes)
    {
        EnsureLittleEndian();
        using var scope = torch.NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        ForEachChunk(cpu, chunkBytes, span => stream.Write(span));
    }

    private delegate void SpanAction(Span<byte> span);

    private static void ForEachChunk(Tensor tensor, long chunkBytes, SpanAction action)
    {
        long total = SizeOf(tensor);
        if (total == 0)
        {
            return;
        }

        if (total <= chunkBytes)
        {
            action(tensor.bytes);
            return;
        }

        long chunkElements = Math.Max(1, chunkBytes / tensor.ElementSize);
        using var flat = tensor.view(-1);
        for (long start = 0; start < flat.NumberOfElements; start += chunkElements)
        {
            using var piece = flat.narrow(0, start, Math.Min(chunkElements, flat.NumberOfElements - start));
            action(piece.bytes);
        }
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Weight files store little-endian data; big-endian hosts are not supported.");
        }
    }
}
