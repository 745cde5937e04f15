using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>ONNX has no flip: a <c>Slice</c> from the last element to before the first with step -1.</summary>
internal sealed class FlipOnnx : OnnxEmitter<FlipOp>
{
    protected override string Emit(FlipOp flip, NodeSpec node, OnnxScope scope)
    {
        scope.Add("Slice", scope.Output, scope.Input(0), scope.Ints("starts", -1), scope.Ints("ends", long.MinValue), scope.Ints("axes", flip.Dim), scope.Ints("steps", -1));
        return scope.Output;
    }
}
