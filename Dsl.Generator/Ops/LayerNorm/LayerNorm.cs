using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of LayerNorm: the parts of the op, found in this folder.</summary>
internal sealed class LayerNormDescriptor : OpDescriptor<LayerNormOp>
{
    public override string Name => "LayerNorm";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("LayerNorm", LayerNormArguments.Read),
    };

    public override IShapeRule Shape { get; } = new LayerNormRule();

    public override string Parameters => "2 * (product of the normalized dims) when affine (scale and shift), else 0";

    public override ITorchSharpEmitter TorchSharp { get; } = new LayerNormTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new LayerNormPyTorch();

    public override IOnnxEmitter Onnx { get; } = new LayerNormOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new LayerNormOp(1, 1e-5, true),
        new LayerNormOp(3, 1e-6, false),
    };

    protected override ValueFlow ValuesOf(LayerNormOp op) => ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(LayerNormOp op) => FeatureLayout.FeaturesLast;

    public override OpDoc Doc { get; } = new(
        "x.LayerNorm(dims: 1, eps: 1e-5, affine: true, name: null)",
        "Same type; normalizes each sample over its last `dims` dimensions, which must be known.",
        "`nn.LayerNorm(normalized_shape = the last dims' sizes, eps, elementwise_affine)`",
        "`layers.LayerNormalization(axis = the last dims, epsilon=eps, center=affine, scale=affine)`");
}
