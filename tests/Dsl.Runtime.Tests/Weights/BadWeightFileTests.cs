using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Dsl.Weights;
using TorchSharp;
using static Dsl.Runtime.Tests.Weights.WeightTestSupport;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>
/// Hand-made broken files: every one is refused with a <see cref="WeightFileException"/> whose message names the
/// file and says what is wrong.
/// </summary>
public class BadWeightFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Problem(byte[] bytes, string fileName = "bad.safetensors")
    {
        string path = _dir.File(fileName);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<WeightFileException>(() => WeightFile.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        return error.Problem;
    }

    [Fact]
    public void A_file_shorter_than_the_length_field()
    {
        Assert.Contains("is 3 bytes long, too short for the 8-byte safetensors header length", Problem(new byte[] { 1, 2, 3 }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_length_past_the_end_of_the_file()
    {
        string problem = Problem(SafetensorsBytes("{}", 0, headerLength: 1000));
        Assert.Contains("header length 1000 bytes goes past the end of the file, which has only 2 bytes after the length field", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100UL * 1024 * 1024 + 1)]
    [InlineData(ulong.MaxValue)]
    public void An_absurd_header_length(ulong length)
    {
        string problem = Problem(SafetensorsBytes("{}", 0, headerLength: length));
        Assert.Contains($"header length {length} bytes is absurdly large (limit 100 MB", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"w\": {\"dtype\": \"F32\", ")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void A_header_that_is_not_json(string json)
    {
        Assert.Contains("the safetensors header is not valid JSON", Problem(SafetensorsBytes(json, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_that_is_not_an_object()
    {
        Assert.Contains("must be a JSON object, but it is an array", Problem(SafetensorsBytes("[1, 2]", 0)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", "tensor 'w' is missing data_offsets")]
    [InlineData("{\"w\":{\"shape\":[1]}}", "tensor 'w' is missing dtype and data_offsets")]
    [InlineData("{\"w\":[1]}", "tensor 'w' must be described by an object")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", "tensor 'w': shape must hold non-negative integers, but it holds -1")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", "data_offsets must be [begin, end], but it has 1 numbers")]
    [InlineData("{\"w\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", "tensor 'w': dtype must be a string, but it is a number")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"extra\":1}}", "tensor 'w' has an unknown field 'extra'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "names 'w' twice")]
    [InlineData("{\"__metadata__\":{\"epochs\":3},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "'__metadata__' entry 'epochs' must be a string, but it is a number")]
    public void Missing_or_malformed_fields(string json, string expected)
    {
        Assert.Contains(expected, Problem(SafetensorsBytes(json, 4)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F8_E4M3")]
    [InlineData("C64")]
    public void An_unsupported_dtype_is_named_with_the_supported_ones(string dtype)
    {
        string problem = Problem(SafetensorsBytes($"{{\"w\":{{\"dtype\":\"{dtype}\",\"shape\":[2],\"data_offsets\":[0,8]}}}}", 8));
        Assert.Equal($"tensor 'w' has dtype '{dtype}', which is not supported; supported dtypes: F32, F64, F16, BF16, I64, I32, I16, I8, U8, BOOL.", problem);
    }

    [Fact]
    public void Offsets_past_the_end_of_the_data()
    {
        string problem = Problem(SafetensorsBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8));
        Assert.Contains("tensor 'w': data_offsets [0, 16] go past the end of the data, which is 8 bytes long", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_whose_size_does_not_match_the_shape()
    {
        string problem = Problem(SafetensorsBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", 12));
        Assert.Contains("tensor 'w': data_offsets [0, 12] span 12 bytes, but shape [2, 2] of F32 needs 16 bytes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_ranges()
    {
        string problem = Problem(SafetensorsBytes(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12));
        Assert.Contains("tensor 'b': data_offsets [4, 12] overlap tensor 'a' [0, 8]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gap_between_ranges()
    {
        string problem = Problem(SafetensorsBytes(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12));
        Assert.Contains("tensor 'b': data_offsets [8, 12] leave a gap of 4 bytes after tensor 'a'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_that_no_tensor_describes()
    {
        string problem = Problem(SafetensorsBytes("{\"w\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}", 5));
        Assert.Contains("the header describes 2 bytes of tensor data, but the file holds 5; 3 trailing bytes belong to no tensor", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_torchsharp_file()
    {
        string good = _dir.File("good.dat");
        using (var w = torch.ones(4, 4))
        {
            WeightFile.Write(good, new[] { new KeyValuePair<string, Tensor>("layer.weight", w) });
        }

        // The file ends with the 41-byte checksum trailer (DSLSHA256 and a SHA-256): cut it and 10 bytes of data.
        byte[] bytes = File.ReadAllBytes(good);
        string problem = Problem(bytes[..^(41 + 10)], "truncated.dat");
        Assert.Contains("tensor 'layer.weight' ([4, 4] Float32) needs 64 bytes of data, but only 54 remain in the file", problem, StringComparison.Ordinal);

        Assert.Contains("44 bytes follow the last of the 1 tensors", Problem([.. bytes, 1, 2, 3], "trailing.dat"), StringComparison.Ordinal);
        Assert.Contains("3 bytes follow the last of the 1 tensors", Problem([.. bytes[..^41], 1, 2, 3], "untrailed.dat"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_torchsharp_file_with_an_unsupported_dtype()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(1);
            writer.Write("c");
            writer.Write7BitEncodedInt64((long)ScalarType.ComplexFloat32);
            writer.Write7BitEncodedInt64(0);
            writer.Write(new byte[8]);
        }

        string problem = Problem(stream.ToArray(), "complex.dat");
        Assert.Contains($"tensor 'c' has dtype code {(int)ScalarType.ComplexFloat32} (ComplexFloat32), which is not supported; supported dtypes: Float32, Float64, Float16, BFloat16, Int64, Int32, Int16, Int8, Byte, Bool.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_torchsharp_file_claiming_more_tensors_than_it_can_hold()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(1_000_000);
        }

        Assert.Contains("claims 1000000 tensors", Problem(stream.ToArray(), "count.dat"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_safetensors_header_with_invalid_utf8_names_the_byte_and_its_offset()
    {
        byte[] bytes = SafetensorsBytes("{\"w?\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        bytes[8 + 3] = 0xFF; // the '?' of the name

        Assert.Equal("the safetensors header is not valid UTF-8 (byte 0xFF at header offset 3); the file is corrupt or not safetensors.", Problem(bytes));
    }

    [Fact]
    public void An_empty_safetensors_tensor_whose_shape_overflows_is_refused_before_libtorch_sees_it()
    {
        string problem = Problem(SafetensorsBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[0,4611686018427387904],\"data_offsets\":[0,0]}}", 0));
        Assert.Contains("tensor 'w': shape [0, 4611686018427387904] is too large to address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_torchsharp_name_with_invalid_utf8_is_refused_instead_of_read_with_replacement_characters()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(1);
            writer.Write((byte)2);
            writer.Write(new byte[] { (byte)'w', 0xC3 }); // a lead byte without its continuation
            writer.Write7BitEncodedInt64((long)ScalarType.Float32);
            writer.Write7BitEncodedInt64(0);
            writer.Write(new byte[4]);
        }

        Assert.Contains("the name of tensor #0 is not valid UTF-8", Problem(stream.ToArray(), "name.dat"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(256 + 6, "dtype code 262")]  // Float32's code plus 256: the enum cast alone would read it as Float32
    [InlineData(-1, "dtype code -1")]
    public void A_torchsharp_dtype_code_out_of_range_is_refused(long code, string expected)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(1);
            writer.Write("w");
            writer.Write7BitEncodedInt64(code);
            writer.Write7BitEncodedInt64(0);
            writer.Write(new byte[4]);
        }

        Assert.Contains(expected, Problem(stream.ToArray(), "code.dat"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1L, 4L, "claims rank -1")]
    [InlineData(1L, -4L, "claims shape [-4], which no tensor can have")]
    public void A_torchsharp_negative_rank_or_size_is_refused(long rank, long size, string expected)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(1);
            writer.Write("w");
            writer.Write7BitEncodedInt64((long)ScalarType.Float32);
            writer.Write7BitEncodedInt64(rank);
            writer.Write7BitEncodedInt64(size);
            writer.Write(new byte[16]);
        }

        Assert.Contains(expected, Problem(stream.ToArray(), "rank.dat"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Seeded corruption of a valid file of each format (flipped bits, overwritten bytes, cuts, inserted bytes,
    /// mostly in the header): every read either succeeds (the damage hit tensor data) or throws a
    /// <see cref="WeightFileException"/> naming the file; no other exception escapes.
    /// </summary>
    [Theory]
    [InlineData("fuzz.safetensors")]
    [InlineData("fuzz.dat")]
    public void Corrupted_files_are_read_or_refused_with_a_weight_file_exception_and_nothing_else(string fileName)
    {
        string good = _dir.File("good-" + fileName);
        using (var a = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3))
        using (var b = torch.arange(4, dtype: ScalarType.Int64))
        using (var c = torch.ones(new long[] { 0, 5 }))
        {
            WeightFile.Write(good, new[] { new KeyValuePair<string, Tensor>("layer.weight", a), new("layer.count", b), new("empty", c) });
        }

        byte[] original = File.ReadAllBytes(good);
        int headerEnd = Math.Min(original.Length, fileName.EndsWith(".dat", StringComparison.Ordinal) ? original.Length : 8 + BitConverter.ToInt32(original, 0));
        var random = new Random(20240917);
        string path = _dir.File(fileName);
        int refused = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            byte[] bytes = Mutate(original, headerEnd, random);
            File.WriteAllBytes(path, bytes);
            try
            {
                WeightFile.Read(path).Dispose();
            }
            catch (WeightFileException e)
            {
                Assert.Equal(path, e.FilePath);
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"trial {trial}: {e.GetType().Name} escaped for bytes {Convert.ToHexString(bytes)}: {e.Message}");
            }
        }

        Assert.True(refused > 200, $"only {refused} of 400 corrupted files were refused; the mutations are too weak to mean anything");
    }

    /// <summary>Bytes that keep JSON and LEB128 plausible, and two that are never valid UTF-8 on their own.</summary>
    private const string JsonCharacters = "\"{}[],:0123456789-e.\\\u0080\u00ff";

    private static byte[] Mutate(byte[] original, int headerEnd, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 4);
        for (int i = 0; i < edits && bytes.Count > 0; i++)
        {
            // Three in four edits land in the header (length field, JSON, names, dtypes, shapes).
            int limit = random.Next(4) == 0 ? bytes.Count : Math.Min(headerEnd, bytes.Count);
            int at = random.Next(limit);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes[at] = (byte)JsonCharacters[random.Next(JsonCharacters.Length)]; break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.Insert(at, (byte)random.Next(256)); break;
            }
        }

        return bytes.ToArray();
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => WeightFile.Read(_dir.File("absent.safetensors")));
        Assert.Contains("absent.safetensors", error.Message, StringComparison.Ordinal);
    }
}
