using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>No node: the initializer of the state-dict name itself is the value later nodes read.</summary>
internal sealed class ParameterOnnx : OnnxEmitter<ParameterOp>
{
    protected override string Emit(ParameterOp op, NodeSpec node, OnnxScope scope) => scope.Parameter(op.Shape);
}
