using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>BatchNormalization</c> in inference form: the running mean and variance are initializers.</summary>
internal sealed class BatchNormOnnx : OnnxEmitter<BatchNormOp>
{
    protected override string Emit(BatchNormOp norm, NodeSpec node, OnnxScope scope)
    {
        long channels = scope.InputType(0).Dims[0].Value;
        scope.Add("BatchNormalization", scope.Output, scope.Input(0), scope.Weight("weight", channels), scope.Weight("bias", channels), scope.Weight("running_mean", channels), scope.Weight("running_var", channels))
            .Float("epsilon", norm.Eps);
        return scope.Output;
    }
}
