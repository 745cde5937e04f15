using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// Reads and writes safetensors files: an 8-byte little-endian header length N, N bytes of UTF-8 JSON (see
/// <see cref="SafetensorsHeader"/>), then the tensors' raw little-endian, row-major data.
/// </summary>
internal static class SafetensorsFormat
{
    /// <summary>Headers above this size are treated as corrupt rather than allocated.</summary>
    public const long MaxHeaderBytes = 100L * 1024 * 1024;

    /// <summary>Reads every tensor of <paramref name="path"/> onto the CPU, in the order of their data.</summary>
    public static (List<KeyValuePair<string, Tensor>> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        long fileLength = stream.Length;
        if (fileLength < sizeof(ulong))
        {
            throw new WeightFileException(path, $"the file is {fileLength} bytes long, too short for the 8-byte safetensors header length.");
        }

        Span<byte> lengthBytes = stackalloc byte[sizeof(ulong)];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        long available = fileLength - sizeof(ulong);
        if (headerLength > MaxHeaderBytes)
        {
            throw new WeightFileException(path, $"the safetensors header length {headerLength} bytes is absurdly large (limit {MaxHeaderBytes / (1024 * 1024)} MB, the file has {available} bytes after the length field); the file is corrupt or not safetensors.");
        }

        if (headerLength > (ulong)available)
        {
            throw new WeightFileException(path, $"the safetensors header length {headerLength} bytes goes past the end of the file, which has only {available} bytes after the length field.");
        }

        var json = new byte[(int)headerLength];
        stream.ReadExactly(json);
        var header = SafetensorsHeader.Parse(path, json, available - (long)headerLength);

        var tensors = new List<KeyValuePair<string, Tensor>>(header.Entries.Count);
        try
        {
            foreach (var entry in header.Entries)
            {
                var tensor = torch.empty([.. entry.Shape], dtype: entry.DType);
                tensors.Add(new(entry.Name, tensor));
                TensorBytes.Read(stream, tensor);
            }
        }
        catch
        {
            NamedTensors.DisposeAll(tensors);
            throw;
        }

        return (tensors, header.Metadata);
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="stream"/>: the header lists the names sorted, the data
    /// follows in the given order (so a reader that follows the data recovers it, e.g. the state-dict order).
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        var entries = new List<SafetensorsEntry>(tensors.Count);
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            long size = TensorBytes.SizeOf(tensor);
            entries.Add(new SafetensorsEntry(name, tensor.dtype, tensor.shape, offset, offset + size));
            offset += size;
        }

        byte[] header = SafetensorsHeader.Build(entries, metadata);
        Span<byte> lengthBytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)header.Length);
        stream.Write(lengthBytes);
        stream.Write(header);
        foreach (var (_, tensor) in tensors)
        {
            TensorBytes.Write(stream, tensor);
        }
    }

}
