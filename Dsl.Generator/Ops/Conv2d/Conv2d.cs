using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Conv2d: the parts of the op, found in this folder.</summary>
internal sealed class Conv2dDescriptor : OpDescriptor<Conv2dOp>
{
    public override string Name => "Conv2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Conv2d", Conv2dArguments.Read),
    };

    public override IShapeRule Shape { get; } = new Conv2dRule();

    public override string Parameters => "outChannels * (C / groups) * k * k (+ outChannels bias)";

    public override string MultiplyAccumulates => "C_out x H_out x W_out x (C_in / groups) x k x k (each output element is one dot product over its group's kernel window)";

    public override ITorchSharpEmitter TorchSharp { get; } = new Conv2dTorchSharp();

    // PyTorch and ONNX emitters: slots (null) until the issue that adds them.
    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new Conv2dOp(16, 3, 1, PaddingSpec.Same, Bias: true),
        new Conv2dOp(8, 5, 2, PaddingSpec.Valid, Bias: false),
    };

    public override OpDoc Doc { get; } = new(
        "x.Conv2d(outChannels, kernelSize, stride: 1, padding: Padding.Valid, bias: true, name: null, groups: 1, dilation: 1)",
        "[B, C, H, W] to [B, outChannels, H', W'] with H' = floor((H + 2p - k') / s) + 1 where k' = dilation (k - 1) + 1 (Same: ceil(H / s), padded as Keras pads); C must be known and groups must divide C and outChannels (groups = C: depthwise); a symbolic H gives the expression (H + 2p - k') / s + 1, except Same with a stride above 1, which needs known H and W.",
        "`nn.Conv2d(C, outChannels, k, stride, padding, dilation=dilation, groups=groups, bias=bias)`",
        "`layers.Conv2D(outChannels, k, strides=s, padding='valid' / 'same', dilation_rate=dilation, groups=groups, use_bias=bias)` (channels first); `layers.DepthwiseConv2D` for groups = C");
}
