using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Gather</c> of the table's rows by the int64 indices (the padding row is an ordinary row at inference).</summary>
internal sealed class EmbeddingOnnx : OnnxEmitter<EmbeddingOp>
{
    protected override string Emit(EmbeddingOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add("Gather", scope.Output, scope.Weight("weight", op.NumEmbeddings, op.EmbeddingDim), scope.Input(0)).Int("axis", 0);
        return scope.Output;
    }
}
