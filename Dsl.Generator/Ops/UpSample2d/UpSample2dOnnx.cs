using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Resize</c>, nearest neighbour, as PyTorch's <c>interpolate(mode: nearest)</c> picks (asymmetric coordinates, floor).</summary>
internal sealed class UpSample2dOnnx : OnnxEmitter<UpSample2dOp>
{
    protected override string Emit(UpSample2dOp up, NodeSpec node, OnnxScope scope)
    {
        string scales = scope.Floats("scales", new[] { 1.0, 1.0, up.ScaleFactor, up.ScaleFactor }, 4);
        scope.Add("Resize", scope.Output, scope.Input(0), "", scales)
            .String("mode", "nearest")
            .String("coordinate_transformation_mode", "asymmetric")
            .String("nearest_mode", "floor");
        return scope.Output;
    }
}
