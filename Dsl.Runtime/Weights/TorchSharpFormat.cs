using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// Reads and writes TorchSharp's own weight format, the one <c>nn.Module.save</c> writes and
/// <c>nn.Module.load</c> reads, without needing a module of the saving type. Layout: the entry count
/// (LEB128), then per entry the name (a <see cref="BinaryWriter"/> string: LEB128 byte length + UTF-8), the
/// <see cref="ScalarType"/> code (LEB128), the rank and each dimension (LEB128), then the raw little-endian data.
/// Files written here end with a checksum trailer, <c>DSLSHA256</c> and the SHA-256 of every byte before it, so a
/// flipped bit in the data is detected; <c>nn.Module.load</c> stops reading after the last tensor and never sees it,
/// and files without it (<c>nn.Module.save</c>'s, older ones) are still read, unchecked.
/// </summary>
internal static class TorchSharpFormat
{
    private const int MaxRank = 64;

    /// <summary>The trailer's marker, ASCII <c>DSLSHA256</c>.</summary>
    private static readonly byte[] TrailerMagic = Encoding.ASCII.GetBytes("DSLSHA256");

    /// <summary>The trailer's length: the marker and a SHA-256.</summary>
    private static int TrailerLength => TrailerMagic.Length + SHA256.HashSizeInBytes;

    /// <summary>UTF-8 that throws on invalid bytes, so a corrupt name is an error and not a name with U+FFFD in it.</summary>
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads every tensor of <paramref name="path"/> onto the CPU, in file (state-dict) order.</summary>
    public static List<KeyValuePair<string, Tensor>> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using var reader = new BinaryReader(stream, StrictUtf8, leaveOpen: true);
        var tensors = new List<KeyValuePair<string, Tensor>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            long count = ReadLength(path, reader, "the entry count");
            // Every entry takes at least 3 bytes (name length, dtype, rank), so a larger count is corrupt.
            if (count > (stream.Length - stream.Position) / 3)
            {
                throw new WeightFileException(path, $"the file claims {count} tensors, more than its {stream.Length} bytes can hold; it is corrupt or not a TorchSharp weight file.");
            }

            for (long i = 0; i < count; i++)
            {
                string name = ReadName(path, reader, i);
                if (!names.Add(name))
                {
                    throw new WeightFileException(path, $"tensor '{name}' appears twice.");
                }

                long code = ReadLength(path, reader, $"the dtype of tensor '{name}'");
                var type = (ScalarType)code;
                // The cast keeps only the enum's low bits: a code that does not survive the round trip is corrupt.
                if ((long)type != code || !SafetensorsDType.IsSupported(type, out int elementSize))
                {
                    throw new WeightFileException(path, $"tensor '{name}' has dtype code {code} ({type}), which is not supported; supported dtypes: {SafetensorsDType.SupportedTypes}.");
                }

                long rank = ReadLength(path, reader, $"the rank of tensor '{name}'");
                if (rank is < 0 or > MaxRank)
                {
                    throw new WeightFileException(path, $"tensor '{name}' claims rank {rank} (expected 0 to {MaxRank}); the file is corrupt.");
                }

                var shape = new long[rank];
                for (int d = 0; d < rank; d++)
                {
                    shape[d] = ReadLength(path, reader, $"dimension {d} of tensor '{name}'");
                }

                long remaining = stream.Length - stream.Position;
                if (!Shapes.TryByteCount(shape, elementSize, out long bytes))
                {
                    throw new WeightFileException(path, $"tensor '{name}' claims shape {Shapes.Format(shape)}, which no tensor can have (negative or too large); the file is corrupt.");
                }

                if (bytes > remaining)
                {
                    throw new WeightFileException(path, $"tensor '{name}' ({Shapes.Format(shape)} {type}) needs {bytes} bytes of data, but only {remaining} remain in the file.");
                }

                var tensor = torch.empty(shape, dtype: type);
                tensors.Add(new(name, tensor));
                TensorBytes.Read(stream, tensor);
            }

            long end = stream.Position;
            if (end != stream.Length && !HasTrailer(stream, end))
            {
                throw new WeightFileException(path, $"{stream.Length - end} bytes follow the last of the {count} tensors; the file is corrupt or not a TorchSharp weight file.");
            }

            if (end != stream.Length)
            {
                VerifyTrailer(path, stream, end);
            }

            return tensors;
        }
        catch
        {
            NamedTensors.DisposeAll(tensors);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> in the given order, byte for byte as <c>nn.Module.save</c> would, then the
    /// checksum trailer.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        using var hashing = new HashingStream(stream);
        WriteTensors(hashing, tensors);
        stream.Write(TrailerMagic);
        stream.Write(hashing.Hash());
    }

    private static void WriteTensors(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write7BitEncodedInt64(tensors.Count);
        foreach (var (name, tensor) in tensors)
        {
            SafetensorsDType.NameOf(tensor.dtype); // Rejects types the reader would not accept.
            writer.Write(name);
            writer.Write7BitEncodedInt64((long)tensor.dtype);
            writer.Write7BitEncodedInt64(tensor.shape.Length);
            foreach (long size in tensor.shape)
            {
                writer.Write7BitEncodedInt64(size);
            }

            writer.Flush();
            TensorBytes.Write(stream, tensor);
        }
    }

    /// <summary>Whether the bytes from <paramref name="end"/> to the end of the file are exactly a checksum trailer's.</summary>
    private static bool HasTrailer(Stream stream, long end)
    {
        if (stream.Length - end != TrailerLength)
        {
            return false;
        }

        var marker = new byte[TrailerMagic.Length];
        stream.Position = end;
        stream.ReadExactly(marker);
        return marker.AsSpan().SequenceEqual(TrailerMagic);
    }

    /// <summary>Throws unless the SHA-256 of the first <paramref name="end"/> bytes is the one the trailer records.</summary>
    private static void VerifyTrailer(string path, Stream stream, long end)
    {
        var recorded = new byte[SHA256.HashSizeInBytes];
        stream.Position = end + TrailerMagic.Length;
        stream.ReadExactly(recorded);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        stream.Position = 0;
        for (long left = end; left > 0;)
        {
            int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            hash.AppendData(buffer, 0, read);
            left -= read;
        }

        byte[] actual = hash.GetHashAndReset();
        if (!actual.AsSpan().SequenceEqual(recorded))
        {
            throw new WeightFileException(
                path,
                $"its content does not match the SHA-256 recorded at its end when it was written (content {Convert.ToHexStringLower(actual)}, recorded {Convert.ToHexStringLower(recorded)}): " +
                "a flipped bit, a partial copy or an edit changed it. Copy or export the weights again from their source.");
        }
    }

    private static long ReadLength(string path, BinaryReader reader, string what)
    {
        try
        {
            return reader.Read7BitEncodedInt64();
        }
        catch (EndOfStreamException e)
        {
            throw new WeightFileException(path, $"the file ends while reading {what}; it is truncated.", e);
        }
        catch (FormatException e)
        {
            throw new WeightFileException(path, $"{what} is not a valid LEB128 number; the file is corrupt or not a TorchSharp weight file.", e);
        }
    }

    private static string ReadName(string path, BinaryReader reader, long index)
    {
        try
        {
            return reader.ReadString();
        }
        catch (EndOfStreamException e)
        {
            throw new WeightFileException(path, $"the file ends inside the name of tensor #{index}; it is truncated.", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new WeightFileException(path, $"the name of tensor #{index} is not valid UTF-8; the file is corrupt or not a TorchSharp weight file.", e);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            throw new WeightFileException(path, $"the name of tensor #{index} is malformed; the file is corrupt or not a TorchSharp weight file.", e);
        }
    }

    /// <summary>A write-only stream that passes every byte to another stream and hashes it (SHA-256).</summary>
    private sealed class HashingStream : Stream
    {
        private readonly Stream _inner;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public HashingStream(Stream inner) => _inner = inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _inner.Write(buffer);
        }

        public override void WriteByte(byte value) => Write(new[] { value });

        public override void Flush() => _inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
