using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>The operator with a float scalar constant on its side.</summary>
internal sealed class ScalarOnnx : OnnxEmitter<ScalarOp>
{
    protected override string Emit(ScalarOp scalar, NodeSpec node, OnnxScope scope)
    {
        string constant = scope.Scalar("scalar", scalar.Scalar);
        string x = scope.Input(0);
        scope.Add(BinaryOnnx.OpType(scalar.Operator), scope.Output, scalar.ScalarOnLeft ? constant : x, scalar.ScalarOnLeft ? x : constant);
        return scope.Output;
    }
}
