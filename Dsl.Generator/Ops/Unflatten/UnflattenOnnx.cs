using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>A Reshape with the axis replaced by its sizes, resolved at compile time, the other axes kept at run time (<see cref="AxisRangeOnnx"/>).</summary>
internal sealed class UnflattenOnnx : OnnxEmitter<UnflattenOp>
{
    protected override string Emit(UnflattenOp op, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        long axis = AxisRange.Resolve(op.Dim, input.Rank);
        // The node's type holds the sizes with a -1 resolved, at the axes the split produced.
        var output = scope.Model.TypeOf(node.Id);
        // A symbolic length split into sizes of 1 around it stays -1, which Reshape infers at run time.
        long[] sizes = Enumerable.Range((int)axis - 1, op.Sizes.Count).Select(i => output.Dims[i].IsKnown ? (long)output.Dims[i].Value : -1L).ToArray();
        return AxisRangeOnnx.Reshape(scope, input.Rank, axis, axis, scope.Ints("sizes", sizes));
    }
}
