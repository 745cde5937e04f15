using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Expand</c> to a shape of ones, known sizes and the batch read with <c>Shape</c> at run time.</summary>
internal sealed class ExpandOnnx : OnnxEmitter<ExpandOp>
{
    protected override string Emit(ExpandOp op, NodeSpec node, OnnxScope scope) =>
        ExpandPlan.Onnx(scope, scope.Input(0), ExpandTorchSharp.Plan(op, node, scope.Model), scope.Output, "expand");
}
