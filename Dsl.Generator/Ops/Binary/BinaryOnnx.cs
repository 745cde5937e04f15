using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Add</c> / <c>Sub</c> / <c>Mul</c>, broadcasting a [B, 1] side as PyTorch does.</summary>
internal sealed class BinaryOnnx : OnnxEmitter<BinaryOp>
{
    public static string OpType(BinaryKind kind) => kind switch
    {
        BinaryKind.Add => "Add",
        BinaryKind.Subtract => "Sub",
        _ => "Mul",
    };

    protected override string Emit(BinaryOp binary, NodeSpec node, OnnxScope scope)
    {
        scope.Add(OpType(binary.Operator), scope.Output, scope.Input(0), scope.Input(1));
        return scope.Output;
    }
}
