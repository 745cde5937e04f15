using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>The recurrent layer's second (h_n) or third (c_n) value, which its emitter wrote batch first (no node of its own).</summary>
internal sealed class FinalStateOnnx : OnnxEmitter<FinalStateOp>
{
    protected override string Emit(FinalStateOp op, NodeSpec node, OnnxScope scope) =>
        scope.ValuesOf(node.Inputs[0])[op.Cell ? 2 : 1];
}
