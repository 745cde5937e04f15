using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// Each piece is its own node, so each is a <c>Slice</c> of its range (the one SplitRule computes for TorchSharp's
/// narrow): the same values as one multi-output <c>Split</c>, without a node whose other outputs go unused.
/// </summary>
internal sealed class SplitOnnx : OnnxEmitter<SplitOp>
{
    protected override string Emit(SplitOp op, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        int axis = Axes.NonBatch(op.Dim, input)!.Value;
        int size = input.Dims[axis - 1].Value; // the rule refuses a split along a symbolic axis
        long start = SplitRule.Start(op, size)!.Value;
        long end = start + SplitRule.Length(op, size);
        return scope.Slice(scope.Output, scope.Input(0), axis, start, end);
    }
}
