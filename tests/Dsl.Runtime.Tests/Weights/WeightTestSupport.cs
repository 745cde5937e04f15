using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>Temporary directories, state snapshots and bit-exact comparisons shared by the weight tests.</summary>
internal static class WeightTestSupport
{
    /// <summary>A fresh directory under the system temp folder, removed when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dsl-weights-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Raw bytes of a tensor (CPU, contiguous copy): equal bytes mean bit-identical values.</summary>
    public static byte[] Bytes(Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        return cpu.NumberOfElements == 0 ? Array.Empty<byte>() : cpu.bytes.ToArray();
    }

    /// <summary>Name -> (dtype, shape, bytes) of a module's state dict, detached from the module.</summary>
    public static Dictionary<string, (ScalarType DType, long[] Shape, byte[] Bytes)> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => (kv.Value.dtype, kv.Value.shape, Bytes(kv.Value)));

    public static void AssertSameTensor(Tensor expected, Tensor actual, string name)
    {
        Assert.True(expected.dtype == actual.dtype, $"{name}: dtype {actual.dtype}, expected {expected.dtype}");
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{name}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        Assert.True(Bytes(expected).AsSpan().SequenceEqual(Bytes(actual)), $"{name}: values differ");
    }

    public static void AssertSameState(Dictionary<string, (ScalarType DType, long[] Shape, byte[] Bytes)> expected, nn.Module module)
    {
        var actual = Snapshot(module);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, (dtype, shape, bytes)) in expected)
        {
            Assert.Equal(dtype, actual[name].DType);
            Assert.Equal(shape, actual[name].Shape);
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name].Bytes), $"{name}: values differ");
        }
    }

    /// <summary>A safetensors file built by hand: the given header length (default: the JSON's), JSON, and data.</summary>
    public static byte[] SafetensorsBytes(string json, int dataBytes, ulong? headerLength = null)
    {
        var header = System.Text.Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + header.Length + dataBytes];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), headerLength ?? (ulong)header.Length);
        header.CopyTo(bytes, 8);
        for (int i = 8 + header.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        return bytes;
    }
}
