using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Dsl.Weights;
using TorchSharp;
using static Dsl.Runtime.Tests.Weights.WeightTestSupport;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>
/// Files written by <see cref="WeightFile.Write"/> read back bit for bit in both formats, for every supported
/// dtype including scalars and tensors with a zero-sized dimension; safetensors headers are sorted, aligned and
/// carry metadata; writes are deterministic and atomic.
/// </summary>
public class SafetensorsRoundTripTests
{
    /// <summary>
    /// One tensor per supported dtype, in an order that is not sorted, plus a scalar and empty tensors (not adjacent:
    /// zero-size tensors at one offset carry no order in a safetensors file).
    /// </summary>
    private static List<KeyValuePair<string, Tensor>> AllDTypes()
    {
        torch.manual_seed(7);
        var f32 = torch.randn(3, 4);
        return new List<KeyValuePair<string, Tensor>>
        {
            new("z.f32", f32),
            new("y.f64", torch.randn(2, 3, dtype: ScalarType.Float64)),
            new("x.f16", torch.randn(5, dtype: ScalarType.Float16)),
            new("w.bf16", torch.randn(2, 2, dtype: ScalarType.BFloat16)),
            new("v.i64", torch.tensor(new long[] { long.MinValue, -1, 0, long.MaxValue })),
            new("u.i32", torch.tensor(new[] { int.MinValue, 7, int.MaxValue })),
            new("t.i16", torch.tensor(new short[] { short.MinValue, -2, short.MaxValue })),
            new("s.i8", torch.tensor(new sbyte[] { sbyte.MinValue, -1, sbyte.MaxValue })),
            new("r.u8", torch.tensor(new byte[] { 0, 128, 255 }).reshape(3, 1)),
            new("q.bool", torch.tensor(new[] { true, false, true, true })),
            new("p.scalar", torch.tensor(3.25f)),
            new("o.empty", torch.zeros(0, 3)),
            new("layer10.weight", torch.ones(2)),
            new("n.empty_inner", torch.zeros(new long[] { 2, 0, 4 }, dtype: ScalarType.Int32)),
            new("layer2.weight", torch.ones(3)),
        };
    }

    [Theory]
    [InlineData("all.safetensors", WeightFormat.Safetensors)]
    [InlineData("all.dat", WeightFormat.TorchSharp)]
    public void Every_supported_dtype_reads_back_exactly_in_the_written_order(string fileName, WeightFormat format)
    {
        using var dir = new TempDir();
        var tensors = AllDTypes();
        string path = dir.File(fileName);
        WeightFile.Write(path, tensors);

        using var file = WeightFile.Read(path);
        Assert.Equal(format, file.Format);
        Assert.Equal(tensors.Select(t => t.Key), file.Tensors.Select(t => t.Key));
        foreach (var (name, tensor) in tensors)
        {
            AssertSameTensor(tensor, file[name], name);
            Assert.Equal(DeviceType.CPU, file[name].device_type);
        }

        Assert.Empty(file.Metadata);
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Safetensors_header_lists_metadata_then_names_sorted_with_aligned_contiguous_offsets()
    {
        using var dir = new TempDir();
        string path = dir.File("sorted.safetensors");
        WeightFile.Write(path, AllDTypes(), new Dictionary<string, string> { ["format"] = "pt", ["author"] = "tests" });

        byte[] bytes = File.ReadAllBytes(path);
        long headerLength = BitConverter.ToInt64(bytes, 0);
        Assert.Equal(0, headerLength % 8);
        string json = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        Assert.Equal(json.TrimEnd(' ').Length, json.TrimEnd().Length);
        using var header = JsonDocument.Parse(json);
        var names = header.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("__metadata__", names[0]);
        Assert.Equal(AllDTypes().Select(t => t.Key).OrderBy(n => n, StringComparer.Ordinal), names.Skip(1));
        Assert.Equal(new[] { "author", "format" }, header.RootElement.GetProperty("__metadata__").EnumerateObject().Select(p => p.Name));

        var f32 = header.RootElement.GetProperty("z.f32");
        Assert.Equal("F32", f32.GetProperty("dtype").GetString());
        Assert.Equal(new long[] { 3, 4 }, f32.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(new long[] { 0, 48 }, f32.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        var scalar = header.RootElement.GetProperty("p.scalar");
        Assert.Equal(0, scalar.GetProperty("shape").GetArrayLength());
        long dataLength = bytes.Length - 8 - headerLength;
        long lastEnd = header.RootElement.EnumerateObject().Skip(1).Max(p => p.Value.GetProperty("data_offsets")[1].GetInt64());
        Assert.Equal(dataLength, lastEnd);
    }

    [Fact]
    public void Metadata_round_trips_including_quotes_and_non_ascii_text()
    {
        using var dir = new TempDir();
        string path = dir.File("meta.safetensors");
        var metadata = new Dictionary<string, string> { ["model"] = "DigitClassifier", ["note"] = "\"quoted\" – ünïcödé ✓", ["empty"] = "" };
        using (var w = torch.ones(2))
        {
            WeightFile.Write(path, new[] { new KeyValuePair<string, Tensor>("w", w) }, metadata);
        }

        using var file = WeightFile.Read(path);
        Assert.Equal(metadata.OrderBy(kv => kv.Key), file.Metadata.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Writing_the_same_tensors_twice_gives_identical_bytes()
    {
        using var dir = new TempDir();
        var tensors = AllDTypes();
        WeightFile.Write(dir.File("a.safetensors"), tensors, new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        WeightFile.Write(dir.File("b.safetensors"), tensors, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        Assert.Equal(File.ReadAllBytes(dir.File("a.safetensors")), File.ReadAllBytes(dir.File("b.safetensors")));
    }

    [Fact]
    public void A_file_laid_out_as_python_safetensors_writes_it_is_read()
    {
        // Compact JSON, metadata first, tensors not sorted by name, data ordered differently from the header, padded with spaces.
        const string json = "{\"__metadata__\":{\"format\":\"pt\"},\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[8,24]},\"fc.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        string padded = json.PadRight((json.Length + 7) / 8 * 8);
        var bytes = SafetensorsBytes(padded, 0).ToList();
        foreach (float value in new[] { 0.5f, -0.5f, 1f, 2f, 3f, 4f })
        {
            bytes.AddRange(BitConverter.GetBytes(value));
        }

        using var dir = new TempDir();
        string path = dir.File("python.safetensors");
        File.WriteAllBytes(path, bytes.ToArray());

        using var file = WeightFile.Read(path);
        Assert.Equal(new[] { "fc.bias", "fc.weight" }, file.Tensors.Select(t => t.Key));
        Assert.Equal(new[] { 0.5f, -0.5f }, file["fc.bias"].data<float>().ToArray());
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, file["fc.weight"].data<float>().ToArray());
        Assert.Equal(new long[] { 2, 2 }, file["fc.weight"].shape);
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void Large_tensors_are_copied_in_chunks_without_losing_bytes()
    {
        torch.manual_seed(3);
        using var source = torch.randn(10, 7, dtype: ScalarType.Float64);
        using var stream = new MemoryStream();
        TensorBytes.Write(stream, source, chunkBytes: 24);
        Assert.Equal(10 * 7 * 8, stream.Length);

        stream.Position = 0;
        using var target = torch.empty(10, 7, dtype: ScalarType.Float64);
        TensorBytes.Read(stream, target, chunkBytes: 40);
        AssertSameTensor(source, target, "chunked");
    }

    [Fact]
    public void Non_contiguous_tensors_are_written_in_row_major_order()
    {
        using var dir = new TempDir();
        string path = dir.File("t.safetensors");
        using var matrix = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var transposed = matrix.t();
        WeightFile.Write(path, new[] { new KeyValuePair<string, Tensor>("t", transposed) });

        using var file = WeightFile.Read(path);
        Assert.Equal(new[] { 0f, 3f, 1f, 4f, 2f, 5f }, file["t"].data<float>().ToArray());
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file_intact_and_no_temporary_file()
    {
        using var dir = new TempDir();
        string path = dir.File("keep.safetensors");
        using var good = torch.ones(3);
        WeightFile.Write(path, new[] { new KeyValuePair<string, Tensor>("w", good) });
        byte[] before = File.ReadAllBytes(path);

        // A meta tensor has a shape but no data: the header is written, copying its data fails half way.
        using var meta = torch.empty(new long[] { 4 }, device: torch.META);
        var error = Assert.ThrowsAny<Exception>(() => WeightFile.Write(path, new[] { new KeyValuePair<string, Tensor>("a", good), new KeyValuePair<string, Tensor>("w", meta) }));
        Assert.Contains("meta", error.Message, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Unsupported_dtypes_duplicate_names_and_metadata_in_torchsharp_files_are_refused()
    {
        using var dir = new TempDir();
        using var complex = torch.zeros(2, dtype: ScalarType.ComplexFloat32);
        var error = Assert.Throws<NotSupportedException>(() => WeightFile.Write(dir.File("c.safetensors"), new[] { new KeyValuePair<string, Tensor>("c", complex) }));
        Assert.Contains("ComplexFloat32", error.Message, StringComparison.Ordinal);

        using var w = torch.ones(1);
        var twice = Assert.Throws<ArgumentException>(() => WeightFile.Write(dir.File("d.safetensors"), new[] { new KeyValuePair<string, Tensor>("w", w), new KeyValuePair<string, Tensor>("w", w) }));
        Assert.Contains("'w' appears twice", twice.Message, StringComparison.Ordinal);

        var meta = Assert.Throws<ArgumentException>(() => WeightFile.Write(dir.File("m.dat"), new[] { new KeyValuePair<string, Tensor>("w", w) }, new Dictionary<string, string> { ["k"] = "v" }));
        Assert.Contains("cannot carry metadata", meta.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
