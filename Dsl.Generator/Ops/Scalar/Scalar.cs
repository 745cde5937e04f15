using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Node and number: 1 - x, x * 0.5, x / 2, -x: the parts of the op, found in this folder.</summary>
internal sealed class ScalarDescriptor : OpDescriptor<ScalarOp>
{
    public override string Name => "Node and number: 1 - x, x * 0.5, x / 2, -x";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("op_Addition", BinaryArguments.Operator),
        SurfaceEntry.Node("op_Subtraction", BinaryArguments.Operator),
        SurfaceEntry.Node("op_Multiply", BinaryArguments.Operator),
        SurfaceEntry.Node("op_Division", BinaryArguments.Operator),
        SurfaceEntry.Node("op_UnaryNegation", ScalarArguments.Negate),
    };

    public override IShapeRule Shape { get; } = new SameTypeRule<ScalarOp>();

    public override ITorchSharpEmitter TorchSharp { get; } = new ScalarTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ScalarPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ScalarOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ScalarOp(BinaryKind.Subtract, 1, ScalarOnLeft: true),
        new ScalarOp(BinaryKind.Multiply, -0.5, ScalarOnLeft: false),
        new ScalarOp(BinaryKind.Divide, 1, ScalarOnLeft: true),
    };

    /// <summary>1 - p and p scaled by a factor in [0, 1] keep a probability one.</summary>
    protected override ValueFlow ValuesOf(ScalarOp op) => op switch
    {
        { Operator: BinaryKind.Subtract, ScalarOnLeft: true, Scalar: 1 } or { Operator: BinaryKind.Multiply, Scalar: >= 0 and <= 1 } => ValueFlow.KeepsProbability,
        _ => ValueFlow.Unbounded,
    };

    protected override FeatureLayout LayoutOf(ScalarOp op) => FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x + c, c - x, x * c, x / c, c / x, -x (c a finite number; x / 0 is an error)",
        "Element-wise: same type.",
        "`x + c`, `c - x`, `x * c`, `x / c`, `c / x`, `-x`",
        "`x + c`, ... on tensors (or a `layers.Lambda`)");
}
