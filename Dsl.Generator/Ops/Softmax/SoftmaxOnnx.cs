using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Softmax</c> / <c>LogSoftmax</c> along one axis (opset 13 and later normalize that axis alone, as PyTorch does).</summary>
internal sealed class SoftmaxOnnx : OnnxEmitter<SoftmaxOp>
{
    protected override string Emit(SoftmaxOp softmax, NodeSpec node, OnnxScope scope)
    {
        scope.Add(softmax.Log ? "LogSoftmax" : "Softmax", scope.Output, scope.Input(0)).Int("axis", softmax.Dim);
        return scope.Output;
    }
}
