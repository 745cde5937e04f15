using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// The element types both weight formats can carry: their safetensors names, TorchSharp scalar types and
/// sizes in bytes. Complex and 8-bit float types are not supported.
/// </summary>
internal static class SafetensorsDType
{
    private static readonly (string Name, ScalarType Type, int Size)[] Table =
    {
        ("F32", ScalarType.Float32, 4),
        ("F64", ScalarType.Float64, 8),
        ("F16", ScalarType.Float16, 2),
        ("BF16", ScalarType.BFloat16, 2),
        ("I64", ScalarType.Int64, 8),
        ("I32", ScalarType.Int32, 4),
        ("I16", ScalarType.Int16, 2),
        ("I8", ScalarType.Int8, 1),
        ("U8", ScalarType.Byte, 1),
        ("BOOL", ScalarType.Bool, 1),
    };

    /// <summary>The supported safetensors dtype names, comma separated, for error messages.</summary>
    public static string SupportedNames { get; } = string.Join(", ", Table.Select(e => e.Name));

    /// <summary>The supported TorchSharp scalar types, comma separated, for error messages.</summary>
    public static string SupportedTypes { get; } = string.Join(", ", Table.Select(e => e.Type));

    private static readonly Dictionary<string, (ScalarType Type, int Size)> ByName =
        Table.ToDictionary(e => e.Name, e => (e.Type, e.Size), StringComparer.Ordinal);

    private static readonly Dictionary<ScalarType, (string Name, int Size)> ByType =
        Table.ToDictionary(e => e.Type, e => (e.Name, e.Size));

    /// <summary>Maps a safetensors dtype name (case-sensitive, as the format defines it) to a scalar type.</summary>
    public static bool TryParse(string name, out ScalarType type, out int elementSize)
    {
        if (ByName.TryGetValue(name, out var entry))
        {
            (type, elementSize) = entry;
            return true;
        }

        type = default;
        elementSize = 0;
        return false;
    }

    /// <summary>Whether <paramref name="type"/> is supported, with its element size in bytes.</summary>
    public static bool IsSupported(ScalarType type, out int elementSize)
    {
        bool found = ByType.TryGetValue(type, out var entry);
        elementSize = entry.Size;
        return found;
    }

    /// <summary>The safetensors name of <paramref name="type"/>; throws when the type is not supported.</summary>
    public static string NameOf(ScalarType type) =>
        ByType.TryGetValue(type, out var entry)
            ? entry.Name
            : throw new NotSupportedException($"Tensors of dtype {type} cannot be saved as weights; supported dtypes: {SupportedTypes}.");
}
