using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>LayerNormalization</c> over the last dimensions; without affine parameters the scale is a constant of ones.</summary>
internal sealed class LayerNormOnnx : OnnxEmitter<LayerNormOp>
{
    protected override string Emit(LayerNormOp norm, NodeSpec node, OnnxScope scope)
    {
        var dims = scope.InputType(0).Dims;
        long[] shape = dims.Skip(dims.Count - norm.Dims).Select(d => (long)d.Value).ToArray();
        var inputs = norm.Affine
            ? new[] { scope.Input(0), scope.Weight("weight", shape), scope.Weight("bias", shape) }
            : new[] { scope.Input(0), scope.Floats("ones", new[] { 1.0 }, shape) };
        scope.Add("LayerNormalization", scope.Output, inputs).Int("axis", -norm.Dims).Float("epsilon", norm.Eps);
        return scope.Output;
    }
}
