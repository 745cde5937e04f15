using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>RandomNormalLike</c> (mean 0, scale 1, the input's shape and type); its draws are ONNX Runtime's, not TorchSharp's.</summary>
internal sealed class RandomNormalLikeOnnx : OnnxEmitter<RandomNormalLikeOp>
{
    protected override string Emit(RandomNormalLikeOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add("RandomNormalLike", scope.Output, scope.Input(0));
        return scope.Output;
    }
}
