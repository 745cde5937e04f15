using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>MatMul</c>, which batches and broadcasts the leading axes as torch.matmul does.</summary>
internal sealed class MatMulOnnx : OnnxEmitter<MatMulOp>
{
    protected override string Emit(MatMulOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add("MatMul", scope.Output, scope.Input(0), scope.Input(1));
        return scope.Output;
    }
}
