using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace Dsl.Data;

/// <summary>Writes IDX files (the MNIST format), gzip-compressed or raw; <see cref="IdxReader"/> reads them back.</summary>
public static class IdxWriter
{
    /// <summary>Writes unsigned bytes with <paramref name="dims"/> to <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="dims">1 to 4 positive dimensions, e.g. <c>[N, 28, 28]</c> for images, <c>[N]</c> for labels.</param>
    /// <param name="bytes">Exactly the product of <paramref name="dims"/> bytes, row-major.</param>
    /// <param name="gzip">Compress with gzip (the usual <c>.gz</c> files) or write raw IDX.</param>
    /// <exception cref="ArgumentException">The dims are invalid or do not match the byte count.</exception>
    public static void Write(string path, IReadOnlyList<int> dims, byte[] bytes, bool gzip = true)
    {
        Write(path, new IdxArray(dims, bytes), gzip);
    }

    /// <summary>Writes <paramref name="array"/> to <paramref name="path"/>, replacing any file there.</summary>
    public static void Write(string path, IdxArray array, bool gzip = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);
        using FileStream file = File.Create(path);
        Write(file, array, gzip);
    }

    /// <summary>Writes <paramref name="array"/> to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, IdxArray array, bool gzip = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        if (!gzip)
        {
            WriteIdx(stream, array);
            return;
        }

        using var compressed = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        WriteIdx(compressed, array);
    }

    private static void WriteIdx(Stream stream, IdxArray array)
    {
        var header = new byte[4 + 4 * array.Dims.Count];
        header[2] = (byte)array.DataType;
        header[3] = (byte)array.Dims.Count;
        for (int i = 0; i < array.Dims.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i, 4), array.Dims[i]);
        }

        stream.Write(header);
        stream.Write(array.Data.Span);
    }
}
