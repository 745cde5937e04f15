using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Softmax, LogSoftmax: the parts of the op, found in this folder.</summary>
internal sealed class SoftmaxDescriptor : OpDescriptor<SoftmaxOp>
{
    public override string Name => "Softmax, LogSoftmax";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Float32;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Softmax", SoftmaxArguments.Softmax),
        SurfaceEntry.Node("LogSoftmax", SoftmaxArguments.LogSoftmax),
    };

    public override IShapeRule Shape { get; } = new SoftmaxRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new SoftmaxTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new SoftmaxPyTorch();

    public override IOnnxEmitter Onnx { get; } = new SoftmaxOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new SoftmaxOp(1, Log: false),
        new SoftmaxOp(1, Log: true),
    };

    protected override ValueFlow ValuesOf(SoftmaxOp op) => op.Log ? ValueFlow.Unbounded : ValueFlow.Probability;

    protected override FeatureLayout LayoutOf(SoftmaxOp op) => FeatureLayout.AtAxis(op.Dim);

    protected override bool SquashesLogitsOf(SoftmaxOp op) => true;

    public override OpDoc Doc { get; } = new(
        "x.Softmax(dim: 1), x.LogSoftmax(dim: 1)",
        "Same type; dim is a non-batch axis, negative from the back (-1 is the last).",
        "`nn.Softmax(dim)`, `nn.LogSoftmax(dim)`",
        "`layers.Softmax(axis=dim)`, `ops.log_softmax(x, axis=dim)`");
}
