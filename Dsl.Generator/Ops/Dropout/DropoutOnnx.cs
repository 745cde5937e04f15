using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>Inference: dropout is the identity.</summary>
internal sealed class DropoutOnnx : OnnxEmitter<DropoutOp>
{
    protected override string Emit(DropoutOp dropout, NodeSpec node, OnnxScope scope)
    {
        scope.Add("Identity", scope.Output, scope.Input(0));
        return scope.Output;
    }
}
