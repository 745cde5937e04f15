using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Flatten</c> after the batch axis.</summary>
internal sealed class FlattenOnnx : OnnxEmitter<FlattenOp>
{
    protected override string Emit(FlattenOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add("Flatten", scope.Output, scope.Input(0)).Int("axis", 1);
        return scope.Output;
    }
}
