using System.Linq;
using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of the convolutions (1-D, 2-D, 3-D and the transposed 1-D, 2-D): the parts of the op, found in this folder.</summary>
internal sealed class ConvDescriptor : OpDescriptor<ConvOp>
{
    public override string Name => "Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Bfloat16;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Conv1d", ConvArguments.Conv1d),
        SurfaceEntry.Node("Conv2d", ConvArguments.Conv2d),
        SurfaceEntry.Node("Conv3d", ConvArguments.Conv3d),
        SurfaceEntry.Node("ConvTranspose1d", ConvArguments.ConvTranspose1d),
        SurfaceEntry.Node("ConvTranspose2d", ConvArguments.ConvTranspose2d),
    };

    public override IShapeRule Shape { get; } = new ConvRule();

    public override string Parameters => "outChannels * (C / groups) * prod(k) (+ outChannels bias); the same for the transposed kinds";

    public override string MultiplyAccumulates => "C_out x prod(spatial out) x (C_in / groups) x prod(k) (each output element is one dot product over its group's kernel window); transposed: C_in x prod(spatial in) x (C_out / groups) x prod(k)";

    public override ITorchSharpEmitter TorchSharp { get; } = new ConvTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ConvPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ConvOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ConvOp(16, 3, 1, PaddingSpec.Same, bias: true),
        new ConvOp(8, 5, 2, PaddingSpec.Valid, bias: false),
        new ConvOp(8, EquatableArray.Create(3, 5), EquatableArray.Create(1, 2), PaddingSpec.PerAxis(1, 2), true, 1, EquatableArray.Create(1, 1)),
        new ConvOp(4, EquatableArray.Create(7), EquatableArray.Create(2), PaddingSpec.Same, true, 1, EquatableArray.Create(1)),
        new ConvOp(4, EquatableArray.Create(2), EquatableArray.Create(1), PaddingSpec.Causal, true, 1, EquatableArray.Create(4)),
        new ConvOp(4, EquatableArray.Create(3, 3, 3), EquatableArray.Create(1, 1, 1), PaddingSpec.Valid, true, 1, EquatableArray.Create(1, 1, 1)),
        new ConvOp(8, EquatableArray.Create(4, 4), EquatableArray.Create(2, 2), new PaddingSpec(PaddingMode.Explicit, 1), false, 1, EquatableArray.Create(1, 1), Transposed: true, OutputPadding: EquatableArray.Create(0, 0)),
    };

    protected override ValueFlow ValuesOf(ConvOp op) => ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(ConvOp op) => FeatureLayout.ChannelsFirst;

    /// <summary>A convolution with a kernel larger than 1 and valid padding shrinks the map; Same keeps it.</summary>
    protected override ConvOp? WithSamePaddingOf(ConvOp op) =>
        !op.Transposed && op.Padding.Mode == PaddingMode.Valid && op.KernelSize.Any(k => k > 1) ? op with { Padding = PaddingSpec.Same } : null;

    public override OpDoc Doc { get; } = new(
        "x.Conv2d(outChannels, kernelSize, stride: 1, padding: Padding.Valid, bias: true, name: null, groups: 1, dilation: 1, init: Init.Default); x.Conv1d(...), x.Conv3d(...); " +
        "x.ConvTranspose2d(outChannels, kernelSize, stride: 1, padding: 0, outputPadding: 0, bias: true, name: null, groups: 1, dilation: 1, init: Init.Default), x.ConvTranspose1d(...). " +
        "kernelSize, stride, dilation, outputPadding and padding take an int or a tuple of one per spatial axis: x.Conv2d(32, (3, 5), stride: (1, 2)); x.Conv1d(..., padding: Padding.Causal, dilation: d)",
        "Conv1d [B, C, L], Conv2d [B, C, H, W], Conv3d [B, C, D, H, W] to [B, outChannels, ...] with each size floor((in + 2p - k') / s) + 1 where k' = dilation (k - 1) + 1 (Same: ceil(in / s), padded as Keras pads; Conv1d's Causal: dilation (k - 1) zeros before the sequence only, so floor((in - 1) / s) + 1, L at stride 1, and step t sees only steps up to t); " +
        "ConvTranspose: out = (in - 1) s - 2p + dilation (k - 1) + outputPadding + 1 (Same: in x s), affine in a symbolic size, outputPadding below the stride or the dilation. " +
        "C must be known and groups must divide C and outChannels (groups = C: depthwise); a symbolic size gives the expression (in + 2p - k') / s + 1, except Same with a stride above 1, which needs known sizes.",
        "`nn.Conv1d` / `nn.Conv2d` / `nn.Conv3d(C, outChannels, k, stride, padding, dilation=dilation, groups=groups, bias=bias)`, `nn.ConvTranspose1d` / `nn.ConvTranspose2d(C, outChannels, k, stride, padding, output_padding, groups, bias, dilation)`; Causal: `nn.Conv1d` after `F.pad(x, (dilation * (k - 1), 0))`",
        "`layers.Conv1D` / `Conv2D` / `Conv3D(outChannels, k, strides=s, padding='valid' / 'same' / 'causal', dilation_rate=dilation, groups=groups, use_bias=bias)` (channels first); `layers.DepthwiseConv2D` for groups = C; `layers.Conv1DTranspose` / `Conv2DTranspose(outChannels, k, strides, padding, output_padding)`");
}
