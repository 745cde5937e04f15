using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>ReduceMean</c> / <c>ReduceMax</c> over the spatial axes, not kept: [B, C, ...] to [B, C].</summary>
internal sealed class GlobalPoolOnnx : OnnxEmitter<GlobalPoolOp>
{
    protected override string Emit(GlobalPoolOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add(op.Pool == PoolKind.Max ? "ReduceMax" : "ReduceMean", scope.Output, scope.Input(0))
            .Ints("axes", Enumerable.Range(2, op.SpatialRank).Select(a => (long)a).ToArray())
            .Int("keepdims", 0);
        return scope.Output;
    }
}
