using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace Dsl.Data;

/// <summary>
/// Reads IDX files (the MNIST format), gzip-compressed (detected by the 1F 8B magic) or raw, and validates them
/// strictly: every problem is an <see cref="InvalidDataException"/> that says which file, what was expected, what
/// was found and what to do.
/// </summary>
/// <remarks>
/// Layout: two zero bytes, the element type byte, the number of dimensions (1 to 4), each dimension as a big-endian
/// int32, then exactly the product of the dimensions times the element size in data bytes, nothing after them.
/// </remarks>
public static class IdxReader
{
    private const string RedownloadAdvice = "delete it and download (or copy) it again";

    /// <summary>Reads the IDX file at <paramref name="path"/> (gzip or raw).</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid IDX file.</exception>
    public static IdxArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file not found: {path}", path);
        }

        using FileStream file = File.OpenRead(path);
        return Read(file, path);
    }

    /// <summary>Reads one IDX array (gzip or raw) from <paramref name="stream"/> up to its end.</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="source">A file path or resource name for error messages.</param>
    /// <exception cref="InvalidDataException">The data is not a valid IDX array.</exception>
    public static IdxArray Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(source);

        Stream seekable = stream.CanSeek ? stream : CopyToMemory(stream);
        try
        {
            if (!IsGzip(seekable))
            {
                return ReadIdx(seekable, source, compressed: false);
            }

            using var gzip = new GZipStream(seekable, CompressionMode.Decompress, leaveOpen: true);
            return ReadIdx(gzip, source, compressed: true);
        }
        catch (InvalidDataException e) when (!IdxErrors.IsOurs(e))
        {
            throw IdxErrors.Invalid(source, $"the gzip stream is damaged ({e.Message}); {RedownloadAdvice}", e);
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                seekable.Dispose();
            }
        }
    }

    private static IdxArray ReadIdx(Stream stream, string source, bool compressed)
    {
        string what = compressed ? "the decompressed data" : "the file";

        Span<byte> magic = stackalloc byte[4];
        int magicRead = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (magicRead < magic.Length)
        {
            throw IdxErrors.Invalid(
                source,
                $"{what} is too short to be IDX: expected a 4-byte magic number, found {magicRead} byte(s); {RedownloadAdvice}");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw IdxErrors.Invalid(
                source,
                $"not an IDX file: expected the magic number to start with two zero bytes (00 00, e.g. 00 00 08 03 for MNIST images), " +
                $"found {DataText.Hex(magic)}; pass an IDX file such as train-images-idx3-ubyte(.gz)");
        }

        if (!IdxDataTypes.IsDefined(magic[2]))
        {
            throw IdxErrors.Invalid(
                source,
                $"unsupported element type 0x{magic[2]:X2} in the magic number {DataText.Hex(magic)}: expected one of " +
                $"{IdxDataTypes.DescribeAll()}; the file is damaged or not IDX");
        }

        var type = (IdxDataType)magic[2];
        int rank = magic[3];
        if (rank is < 1 or > IdxArray.MaxRank)
        {
            throw IdxErrors.Invalid(
                source,
                $"the magic number {DataText.Hex(magic)} declares {rank} dimensions: expected 1 to {IdxArray.MaxRank}; the file is damaged or not IDX");
        }

        int[] dims = ReadDims(stream, source, rank, what);
        long expected;
        try
        {
            expected = IdxArray.ByteLength(type, dims);
        }
        catch (OverflowException)
        {
            expected = long.MaxValue;
        }

        if (expected > Array.MaxLength)
        {
            throw IdxErrors.Invalid(
                source,
                $"the dimensions {DataText.Dims(dims)} of {IdxDataTypes.Describe(type)} describe more data than one array can hold " +
                $"({DataText.Count(Array.MaxLength)} bytes); the header is damaged");
        }

        var data = new byte[expected];
        int read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
        {
            string ending = compressed ? "the gzip stream ended early (the .gz file is cut off)" : "the file is truncated";
            throw IdxErrors.Invalid(
                source,
                $"{ending}: expected {DataText.Count(expected)} bytes of data ({DataText.Dims(dims)} x {IdxDataTypes.Describe(type)}) " +
                $"but found {DataText.Count(read)}; {RedownloadAdvice}");
        }

        long trailing = CountRemaining(stream);
        if (trailing > 0)
        {
            throw IdxErrors.Invalid(
                source,
                $"{what} has {DataText.Count(trailing)} byte(s) after the data: expected exactly {DataText.Count(expected)} data bytes " +
                $"({DataText.Dims(dims)} x {IdxDataTypes.Describe(type)}) after the header; the header's dimensions do not match the data, " +
                $"so the file is damaged; {RedownloadAdvice}");
        }

        return new IdxArray(type, dims, data, source);
    }

    private static int[] ReadDims(Stream stream, string source, int rank, string what)
    {
        var header = new byte[4 * rank];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
        {
            throw IdxErrors.Invalid(
                source,
                $"the header is truncated: it declares {rank} dimension(s), so expected {4 + header.Length} header bytes, " +
                $"but {what} ends after {4 + read}; {RedownloadAdvice}");
        }

        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * i, 4));
            if (dims[i] <= 0)
            {
                throw IdxErrors.Invalid(
                    source,
                    $"dimension {i + 1} of {rank} is {dims[i]}: expected every dimension to be > 0; the header is damaged or the file is not IDX");
            }
        }

        return dims;
    }

    private static bool IsGzip(Stream stream)
    {
        long start = stream.Position;
        Span<byte> head = stackalloc byte[2];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }

    private static long CountRemaining(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static MemoryStream CopyToMemory(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }
}
