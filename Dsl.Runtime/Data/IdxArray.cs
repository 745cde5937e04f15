using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Data;

/// <summary>
/// The contents of one IDX file: its element type, its dimensions (1 to 4, each &gt; 0) and its elements as bytes
/// in file order (big-endian for multi-byte types). MNIST images are <c>[N, 28, 28]</c> unsigned bytes, labels
/// <c>[N]</c> unsigned bytes.
/// </summary>
public sealed class IdxArray
{
    /// <summary>The most dimensions an IDX file may declare here.</summary>
    public const int MaxRank = 4;

    private readonly byte[] data;

    /// <summary>An unsigned-byte array; <paramref name="data"/> is used as is, not copied.</summary>
    public IdxArray(IReadOnlyList<int> dims, byte[] data, string? source = null)
        : this(IdxDataType.UnsignedByte, dims, data, source)
    {
    }

    /// <summary>An array of <paramref name="dataType"/>; <paramref name="data"/> (big-endian elements) is used as is, not copied.</summary>
    /// <exception cref="ArgumentException">The dims are not 1 to 4 positive values, or the data length does not match them.</exception>
    public IdxArray(IdxDataType dataType, IReadOnlyList<int> dims, byte[] data, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(dims);
        ArgumentNullException.ThrowIfNull(data);
        if (!IdxDataTypes.IsDefined((byte)dataType))
        {
            throw new ArgumentOutOfRangeException(nameof(dataType), dataType, $"expected one of {IdxDataTypes.DescribeAll()}");
        }

        if (dims.Count is < 1 or > MaxRank)
        {
            throw new ArgumentException($"expected 1 to {MaxRank} dimensions, found {dims.Count}", nameof(dims));
        }

        if (dims.Any(d => d <= 0))
        {
            throw new ArgumentException($"every dimension must be > 0, found {string.Join(" x ", dims)}", nameof(dims));
        }

        long expected = ByteLength(dataType, dims);
        if (data.LongLength != expected)
        {
            throw new ArgumentException(
                $"{DataText.Dims(dims)} elements of {IdxDataTypes.Describe(dataType)} need {DataText.Count(expected)} bytes, found {DataText.Count(data.LongLength)}",
                nameof(data));
        }

        DataType = dataType;
        Dims = dims.ToArray();
        this.data = data;
        Source = source;
    }

    /// <summary>The element type.</summary>
    public IdxDataType DataType { get; }

    /// <summary>The dimensions, outermost first (for images: count, rows, columns).</summary>
    public IReadOnlyList<int> Dims { get; }

    /// <summary>The number of elements: the product of <see cref="Dims"/>.</summary>
    public long ElementCount => data.LongLength / IdxDataTypes.SizeOf(DataType);

    /// <summary>The elements as stored in the file (big-endian for multi-byte types).</summary>
    public ReadOnlyMemory<byte> Data => data;

    /// <summary>Where the array was read from (file path or resource name), when known; used in error messages.</summary>
    public string? Source { get; }

    /// <summary>The raw bytes, shared without a copy, for the tensor helpers.</summary>
    internal byte[] Bytes => data;

    /// <summary>The element at flat (row-major) <paramref name="index"/>, converted to double (exact for every IDX type).</summary>
    public double GetValue(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ElementCount);
        int size = IdxDataTypes.SizeOf(DataType);
        ReadOnlySpan<byte> element = data.AsSpan(checked((int)(index * size)), size);
        return DataType switch
        {
            IdxDataType.UnsignedByte => element[0],
            IdxDataType.SignedByte => (sbyte)element[0],
            IdxDataType.Int16 => BinaryPrimitives.ReadInt16BigEndian(element),
            IdxDataType.Int32 => BinaryPrimitives.ReadInt32BigEndian(element),
            IdxDataType.Single => BinaryPrimitives.ReadSingleBigEndian(element),
            _ => BinaryPrimitives.ReadDoubleBigEndian(element),
        };
    }

    /// <summary>
    /// Builds an array of <paramref name="dataType"/> from values given as doubles (row-major).
    /// </summary>
    /// <exception cref="ArgumentException">A value does not fit the type exactly (out of range or not whole for an integer type).</exception>
    public static IdxArray FromValues(IdxDataType dataType, IReadOnlyList<int> dims, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(dims);
        ArgumentNullException.ThrowIfNull(values);
        int size = IdxDataTypes.SizeOf(dataType);
        var bytes = new byte[checked(values.Count * size)];
        for (int i = 0; i < values.Count; i++)
        {
            Span<byte> element = bytes.AsSpan(i * size, size);
            double value = values[i];
            switch (dataType)
            {
                case IdxDataType.UnsignedByte:
                    element[0] = (byte)Whole(value, byte.MinValue, byte.MaxValue, i);
                    break;
                case IdxDataType.SignedByte:
                    element[0] = unchecked((byte)(sbyte)Whole(value, sbyte.MinValue, sbyte.MaxValue, i));
                    break;
                case IdxDataType.Int16:
                    BinaryPrimitives.WriteInt16BigEndian(element, (short)Whole(value, short.MinValue, short.MaxValue, i));
                    break;
                case IdxDataType.Int32:
                    BinaryPrimitives.WriteInt32BigEndian(element, (int)Whole(value, int.MinValue, int.MaxValue, i));
                    break;
                case IdxDataType.Single:
                    BinaryPrimitives.WriteSingleBigEndian(element, (float)value);
                    break;
                default:
                    BinaryPrimitives.WriteDoubleBigEndian(element, value);
                    break;
            }
        }

        return new IdxArray(dataType, dims, bytes);
    }

    /// <summary>The number of data bytes that <paramref name="dims"/> of <paramref name="dataType"/> need.</summary>
    /// <exception cref="OverflowException">The product does not fit a 64-bit integer.</exception>
    internal static long ByteLength(IdxDataType dataType, IEnumerable<int> dims)
    {
        long length = IdxDataTypes.SizeOf(dataType);
        foreach (int dim in dims)
        {
            length = checked(length * dim);
        }

        return length;
    }

    private static long Whole(double value, long min, long max, int index)
    {
        if (value != Math.Floor(value) || value < min || value > max)
        {
            throw new ArgumentException($"value {value} at index {index} is not a whole number in {min}..{max}", "values");
        }

        return (long)value;
    }
}
