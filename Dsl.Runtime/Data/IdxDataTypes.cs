using System;
using System.Globalization;
using System.Linq;

namespace Dsl.Data;

/// <summary>Facts about <see cref="IdxDataType"/> values: element size, readable name, whether a byte is a known type.</summary>
public static class IdxDataTypes
{
    /// <summary>Whether <paramref name="code"/> (the magic number's third byte) names a supported element type.</summary>
    public static bool IsDefined(byte code) => code is 0x08 or 0x09 or 0x0B or 0x0C or 0x0D or 0x0E;

    /// <summary>The size of one element in bytes.</summary>
    public static int SizeOf(IdxDataType type) => type switch
    {
        IdxDataType.UnsignedByte or IdxDataType.SignedByte => 1,
        IdxDataType.Int16 => 2,
        IdxDataType.Int32 or IdxDataType.Single => 4,
        IdxDataType.Double => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an IDX element type"),
    };

    /// <summary>A readable name with the type code, e.g. <c>unsigned byte (0x08)</c>.</summary>
    public static string Describe(IdxDataType type)
    {
        string name = type switch
        {
            IdxDataType.UnsignedByte => "unsigned byte",
            IdxDataType.SignedByte => "signed byte",
            IdxDataType.Int16 => "16-bit integer",
            IdxDataType.Int32 => "32-bit integer",
            IdxDataType.Single => "32-bit float",
            IdxDataType.Double => "64-bit float",
            _ => "unknown",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{name} (0x{(byte)type:X2})");
    }

    /// <summary>Every supported type, described, for error messages.</summary>
    internal static string DescribeAll() => string.Join(", ", Enum.GetValues<IdxDataType>().Select(Describe));
}
