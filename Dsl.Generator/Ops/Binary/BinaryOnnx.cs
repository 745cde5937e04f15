using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Add</c> / <c>Sub</c> / <c>Mul</c> / <c>Div</c>, broadcasting as PyTorch does (ONNX's numpy-style broadcasting).</summary>
internal sealed class BinaryOnnx : OnnxEmitter<BinaryOp>
{
    public static string OpType(BinaryKind kind) => kind switch
    {
        BinaryKind.Add => "Add",
        BinaryKind.Subtract => "Sub",
        BinaryKind.Multiply => "Mul",
        _ => "Div",
    };

    protected override string Emit(BinaryOp binary, NodeSpec node, OnnxScope scope)
    {
        scope.Add(OpType(binary.Operator), scope.Output, scope.Input(0), scope.Input(1));
        return scope.Output;
    }
}
