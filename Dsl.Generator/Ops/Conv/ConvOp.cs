using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// A convolution over [B, C, spatial...] with one kernel size, stride and dilation per spatial axis (their count is
/// the spatial rank: <c>Conv1d</c>, <c>Conv2d</c>, <c>Conv3d</c>), or with <see cref="Transposed"/> its transpose
/// (<c>ConvTranspose1d</c>, <c>ConvTranspose2d</c>) whose <see cref="OutputPadding"/> adds to one side of each
/// output axis. <see cref="Groups"/> splits the channels into independent groups (depthwise when it equals C);
/// <see cref="Dilation"/> spaces the kernel's taps.
/// </summary>
internal sealed record ConvOp(
    int OutChannels,
    EquatableArray<int> KernelSize,
    EquatableArray<int> Stride,
    PaddingSpec Padding,
    bool Bias,
    int Groups,
    EquatableArray<int> Dilation,
    bool Transposed = false,
    EquatableArray<int> OutputPadding = default) : Op
{
    /// <summary>A square 2-D convolution (the common case; tests and examples build it this way).</summary>
    public ConvOp(int outChannels, int kernelSize, int stride, PaddingSpec padding, bool bias, int groups = 1, int dilation = 1)
        : this(outChannels, EquatableArray.Create(kernelSize, kernelSize), EquatableArray.Create(stride, stride), padding, bias, groups, EquatableArray.Create(dilation, dilation))
    {
    }

    /// <summary>The number of spatial axes (1, 2 or 3).</summary>
    public int SpatialRank => KernelSize.Count;

    /// <summary>The extent the kernel covers along <paramref name="axis"/>: dilation x (k - 1) + 1.</summary>
    public int EffectiveKernelSize(int axis) => (int)System.Math.Min(int.MaxValue, ((long)Dilation[axis] * (KernelSize[axis] - 1)) + 1);

    /// <summary>The output padding of <paramref name="axis"/> (0 for a plain convolution).</summary>
    public int OutputPaddingAt(int axis) => OutputPadding.Count > axis ? OutputPadding[axis] : 0;

    /// <summary>
    /// The padding and output padding of a transposed convolution along <paramref name="axis"/>. Same makes the output
    /// input x stride (Keras' Conv2DTranspose): with t = dilation (k - 1) + 1 - stride, padding ceil(t / 2) on both
    /// sides and output padding 2 ceil(t / 2) - t, which is 0 or 1 for t &gt;= 0 and below the stride otherwise.
    /// </summary>
    public (int Padding, int OutputPadding) TransposedPadding(int axis)
    {
        if (Padding.Mode != PaddingMode.Same)
        {
            return (Padding.AmountAt(axis), OutputPaddingAt(axis));
        }

        int total = EffectiveKernelSize(axis) - Stride[axis];
        int padding = total > 0 ? (total + 1) / 2 : 0;
        return (padding, (2 * padding) - total);
    }

    /// <summary>True when every axis has the same kernel size, stride and dilation (a square / cubic window).</summary>
    public bool IsUniform => KernelSize.Distinct().Count() == 1 && Stride.Distinct().Count() == 1 && Dilation.Distinct().Count() == 1 && OutputPadding.Distinct().Count() <= 1;

    public override string Kind => (Transposed ? "ConvTranspose" : "Conv") + SpatialRank + "d";

    public override string NamePrefix => Transposed ? "conv_transpose" + SpatialRank + "d" : Kind.ToLowerInvariant();

    public override bool IsLayer => true;

    public override bool WritesFreshOutput => true;
}
