using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>ReduceMean</c> over the two spatial axes, not kept: [B, C, H, W] to [B, C].</summary>
internal sealed class GlobalAvgPool2dOnnx : OnnxEmitter<GlobalAvgPool2dOp>
{
    protected override string Emit(GlobalAvgPool2dOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add("ReduceMean", scope.Output, scope.Input(0)).Ints("axes", 2, 3).Int("keepdims", 0);
        return scope.Output;
    }
}
