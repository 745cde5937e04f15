using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>A graph input: the graph's input value, or inside a submodel the value the caller passed.</summary>
internal sealed class InputOnnx : OnnxEmitter<InputOp>
{
    protected override string Emit(InputOp op, NodeSpec node, OnnxScope scope) => scope.BoundInput(node);
}
