using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Dsl.Weights;

/// <summary>
/// The JSON header of a safetensors file: parsed and validated on read (every field present and well typed,
/// a supported dtype, byte ranges that match the shapes and tile the data exactly), and built on write with the
/// names sorted and the length padded with spaces to a multiple of 8 so the data that follows stays aligned.
/// </summary>
internal sealed class SafetensorsHeader
{
    /// <summary>The key of the optional string-to-string metadata object.</summary>
    public const string MetadataKey = "__metadata__";

    private SafetensorsHeader(IReadOnlyList<SafetensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        Entries = entries;
        Metadata = metadata;
    }

    /// <summary>The tensors, in the order of their data in the file.</summary>
    public IReadOnlyList<SafetensorsEntry> Entries { get; }

    /// <summary>The <c>__metadata__</c> entries; empty when the header has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// Parses <paramref name="json"/> and checks it against a data section of <paramref name="dataLength"/> bytes.
    /// Throws <see cref="WeightFileException"/> naming <paramref name="path"/> and the first problem found.
    /// </summary>
    public static SafetensorsHeader Parse(string path, ReadOnlyMemory<byte> json, long dataLength)
    {
        int invalid = FirstInvalidUtf8(json.Span);
        if (invalid >= 0)
        {
            throw new WeightFileException(
                path,
                $"the safetensors header is not valid UTF-8 (byte 0x{json.Span[invalid]:X2} at header offset {invalid}); the file is corrupt or not safetensors.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new WeightFileException(path, $"the safetensors header is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WeightFileException(path, $"the safetensors header must be a JSON object, but it is {Describe(root.ValueKind)}.");
            }

            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new WeightFileException(path, $"the safetensors header names '{property.Name}' twice.");
                }

                if (property.Name == MetadataKey)
                {
                    ReadMetadata(path, property.Value, metadata);
                }
                else
                {
                    entries.Add(ReadEntry(path, property.Name, property.Value));
                }
            }

            CheckLayout(path, entries, dataLength);
            return new SafetensorsHeader(entries, metadata);
        }
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>
    /// Builds the header bytes for tensors whose data is written in the given order, contiguously from offset 0.
    /// </summary>
    public static byte[] Build(IReadOnlyList<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject(entry.Name);
                writer.WriteString("dtype", SafetensorsDType.NameOf(entry.DType));
                writer.WriteStartArray("shape");
                foreach (long size in entry.Shape)
                {
                    writer.WriteNumberValue(size);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(entry.Begin);
                writer.WriteNumberValue(entry.End);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    private static void ReadMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new WeightFileException(path, $"'{MetadataKey}' must be an object of strings, but it is {Describe(value.ValueKind)}.");
        }

        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw new WeightFileException(path, $"'{MetadataKey}' entry '{item.Name}' must be a string, but it is {Describe(item.Value.ValueKind)}.");
            }

            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
            {
                throw new WeightFileException(path, $"'{MetadataKey}' names '{item.Name}' twice.");
            }
        }
    }

    private static SafetensorsEntry ReadEntry(string path, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new WeightFileException(path, $"tensor '{name}' must be described by an object with dtype, shape and data_offsets, but it is {Describe(value.ValueKind)}.");
        }

        JsonElement? dtype = null, shape = null, offsets = null;
        foreach (var field in value.EnumerateObject())
        {
            switch (field.Name)
            {
                case "dtype": dtype = field.Value; break;
                case "shape": shape = field.Value; break;
                case "data_offsets": offsets = field.Value; break;
                default:
                    throw new WeightFileException(path, $"tensor '{name}' has an unknown field '{field.Name}'; expected dtype, shape and data_offsets.");
            }
        }

        if (dtype is null || shape is null || offsets is null)
        {
            var missing = new[] { ("dtype", dtype), ("shape", shape), ("data_offsets", offsets) }.Where(f => f.Item2 is null).Select(f => f.Item1);
            throw new WeightFileException(path, $"tensor '{name}' is missing {string.Join(" and ", missing)}.");
        }

        if (dtype.Value.ValueKind != JsonValueKind.String)
        {
            throw new WeightFileException(path, $"tensor '{name}': dtype must be a string, but it is {Describe(dtype.Value.ValueKind)}.");
        }

        string dtypeName = dtype.Value.GetString()!;
        if (!SafetensorsDType.TryParse(dtypeName, out var type, out int elementSize))
        {
            throw new WeightFileException(path, $"tensor '{name}' has dtype '{dtypeName}', which is not supported; supported dtypes: {SafetensorsDType.SupportedNames}.");
        }

        long[] dims = ReadIntegers(path, name, "shape", shape.Value);
        long[] range = ReadIntegers(path, name, "data_offsets", offsets.Value);
        if (range.Length != 2)
        {
            throw new WeightFileException(path, $"tensor '{name}': data_offsets must be [begin, end], but it has {range.Length} numbers.");
        }

        long begin = range[0], end = range[1];
        if (end < begin)
        {
            throw new WeightFileException(path, $"tensor '{name}': data_offsets [{begin}, {end}] end before they begin.");
        }

        if (!Shapes.TryByteCount(dims, elementSize, out long expectedBytes))
        {
            throw new WeightFileException(path, $"tensor '{name}': shape {Shapes.Format(dims)} is too large to address.");
        }

        if (end - begin != expectedBytes)
        {
            throw new WeightFileException(
                path,
                $"tensor '{name}': data_offsets [{begin}, {end}] span {end - begin} bytes, but shape {Shapes.Format(dims)} of {dtypeName} needs {expectedBytes} bytes.");
        }

        return new SafetensorsEntry(name, type, dims, begin, end);
    }

    private static long[] ReadIntegers(string path, string name, string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new WeightFileException(path, $"tensor '{name}': {field} must be an array of non-negative integers, but it is {Describe(value.ValueKind)}.");
        }

        var result = new long[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long number) || number < 0)
            {
                throw new WeightFileException(path, $"tensor '{name}': {field} must hold non-negative integers, but it holds {item.GetRawText()}.");
            }

            result[i++] = number;
        }

        return result;
    }

    /// <summary>
    /// Checks that the byte ranges, in order, start at 0, follow one another without gap or overlap, and end
    /// exactly at the end of the data; sorts <paramref name="entries"/> into that order (ties, which only
    /// zero-size tensors can have, keep their header order).
    /// </summary>
    private static void CheckLayout(string path, List<SafetensorsEntry> entries, long dataLength)
    {
        foreach (var entry in entries)
        {
            if (entry.End > dataLength)
            {
                throw new WeightFileException(
                    path,
                    $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] go past the end of the data, which is {dataLength} bytes long.");
            }
        }

        // Stable: zero-size tensors that share an offset keep their header order.
        var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        entries.Clear();
        entries.AddRange(ordered);
        long expected = 0;
        SafetensorsEntry? previous = null;
        foreach (var entry in entries)
        {
            if (entry.Begin < expected)
            {
                throw new WeightFileException(
                    path,
                    $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] overlap tensor '{previous!.Name}' [{previous.Begin}, {previous.End}].");
            }

            if (entry.Begin > expected)
            {
                string after = previous is null ? "the start of the data" : $"tensor '{previous.Name}' (ends at {previous.End})";
                throw new WeightFileException(
                    path,
                    $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] leave a gap of {entry.Begin - expected} bytes after {after}; tensors must be contiguous.");
            }

            expected = entry.End;
            previous = entry;
        }

        if (expected != dataLength)
        {
            throw new WeightFileException(path, $"the header describes {expected} bytes of tensor data, but the file holds {dataLength}; {dataLength - expected} trailing bytes belong to no tensor.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
