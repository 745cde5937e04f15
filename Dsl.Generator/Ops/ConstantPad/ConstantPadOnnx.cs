using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Pad</c> (constant mode) over the spatial axes, with the value as its scalar <c>constant_value</c> input.</summary>
internal sealed class ConstantPadOnnx : OnnxEmitter<ConstantPadOp>
{
    protected override string Emit(ConstantPadOp op, NodeSpec node, OnnxScope scope)
    {
        // pads: every axis' start (batch and channels 0), then every axis' end.
        long[] pads = new long[] { 0, 0 }.Concat(op.Before.Select(p => (long)p)).Concat(new long[] { 0, 0 }).Concat(op.After.Select(p => (long)p)).ToArray();
        var inputs = op.Value == 0
            ? new[] { scope.Input(0), scope.Ints("pads", pads) }
            : new[] { scope.Input(0), scope.Ints("pads", pads), scope.Scalar("value", op.Value) };
        scope.Add("Pad", scope.Output, inputs);
        return scope.Output;
    }
}
