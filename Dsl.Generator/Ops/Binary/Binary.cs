using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of a + b, a - b, a * b, a / b: the parts of the op, found in this folder.</summary>
internal sealed class BinaryDescriptor : OpDescriptor<BinaryOp>
{
    public override string Name => "a + b, a - b, a * b, a / b";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("op_Addition", BinaryArguments.Operator),
        SurfaceEntry.Node("op_Subtraction", BinaryArguments.Operator),
        SurfaceEntry.Node("op_Multiply", BinaryArguments.Operator),
        SurfaceEntry.Node("op_Division", BinaryArguments.Operator),
    };

    public override IShapeRule Shape { get; } = new BinaryRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new BinaryTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new BinaryPyTorch();

    public override IOnnxEmitter Onnx { get; } = new BinaryOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new BinaryOp(BinaryKind.Add),
        new BinaryOp(BinaryKind.Multiply),
        new BinaryOp(BinaryKind.Divide),
    };

    protected override ValueFlow ValuesOf(BinaryOp op) => ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(BinaryOp op) => FeatureLayout.AgreedByOperands;

    public override OpDoc Doc { get; } = new(
        "a + b, a - b, a * b, a / b (two nodes)",
        "Element-wise with NumPy broadcasting, checked at compile time: both have the batch first, so the ranks must agree, and each other size is equal or 1 on one side ([B, 1] against [B, F], [B, T, 1] against [B, T, F]).",
        "`a + b`, `a - b`, `a * b`, `a / b`",
        "`layers.Add()`, `layers.Subtract()`, `layers.Multiply()`, `a / b` on tensors");

    protected override bool BroadcastsBatchOf(BinaryOp op) => true;
}
