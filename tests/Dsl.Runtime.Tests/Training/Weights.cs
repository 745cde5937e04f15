using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Copies and comparisons of a module's state dict.</summary>
internal static class Weights
{
    public static Dictionary<string, Tensor> Copy(nn.Module module) =>
        module.state_dict().ToDictionary(e => e.Key, e => e.Value.detach().clone().DetachFromDisposeScope());

    /// <summary>Asserts that every entry is bit-identical (<c>torch.equal</c>).</summary>
    public static void AssertIdentical(IReadOnlyDictionary<string, Tensor> expected, nn.Module actual)
    {
        var state = actual.state_dict();
        Assert.Equal(expected.Keys.OrderBy(k => k), state.Keys.OrderBy(k => k));
        foreach (var (name, value) in expected)
        {
            Assert.True(Identical(value, state[name]), $"'{name}' differs");
        }
    }

    public static void AssertIdentical(nn.Module expected, nn.Module actual) => AssertIdentical(expected.state_dict(), actual);

    /// <summary>Bit-identical: same shape, same dtype, same bytes (stricter than <c>torch.equal</c>: tells -0 from 0).</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape) || a.dtype != b.dtype)
        {
            return false;
        }

        using var scope = NewDisposeScope();
        var left = a.detach().cpu().contiguous();
        var right = b.detach().cpu().contiguous();
        return System.MemoryExtensions.SequenceEqual((System.ReadOnlySpan<byte>)left.bytes, right.bytes);
    }

    public static bool AllFinite(nn.Module module) =>
        module.parameters().All(p => isfinite(p).all().item<bool>());
}
