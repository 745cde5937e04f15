using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of GroupNorm, InstanceNorm2d: the parts of the op, found in this folder.</summary>
internal sealed class GroupNormDescriptor : OpDescriptor<GroupNormOp>
{
    public override string Name => "GroupNorm, InstanceNorm2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("GroupNorm", GroupNormArguments.Group),
        SurfaceEntry.Node("InstanceNorm2d", GroupNormArguments.Instance2d),
    };

    public override IShapeRule Shape { get; } = new GroupNormRule();

    public override string Parameters => "2 * C (scale and shift per channel) when affine, else 0";

    public override ITorchSharpEmitter TorchSharp { get; } = new GroupNormTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new GroupNormPyTorch();

    public override IOnnxEmitter Onnx { get; } = new GroupNormOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new GroupNormOp(4, 1e-5, Affine: true),
        new GroupNormOp(1, 1e-5, Affine: false, Instance: true),
    };

    protected override ValueFlow ValuesOf(GroupNormOp op) => ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(GroupNormOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.GroupNorm(groups, eps: 1e-5, affine: true, name: null), x.InstanceNorm2d(eps: 1e-5, affine: false, name: null)",
        "GroupNorm: [B, C, ...], same type, groups must divide C; InstanceNorm2d: [B, C, H, W], same type (no running statistics, as PyTorch's default); C must be known.",
        "`nn.GroupNorm(groups, C, eps, affine)`, `nn.InstanceNorm2d(C, eps, affine=False)`",
        "`layers.GroupNormalization(groups, axis=1, epsilon=eps)`; instance norm: `layers.GroupNormalization(groups=C, axis=1)`");
}
