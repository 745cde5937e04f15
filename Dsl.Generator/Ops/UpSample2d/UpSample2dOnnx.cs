using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Resize</c>: nearest neighbour as PyTorch's <c>interpolate(mode: nearest)</c> picks (asymmetric coordinates, floor), or bilinear at half-pixel centres.</summary>
internal sealed class UpSample2dOnnx : OnnxEmitter<UpSample2dOp>
{
    protected override string Emit(UpSample2dOp up, NodeSpec node, OnnxScope scope)
    {
        string scales = scope.Floats("scales", new[] { 1.0, 1.0, up.ScaleFactor, up.ScaleFactor }, 4);
        if (up.Bilinear)
        {
            // PyTorch's bilinear with align_corners false samples at half-pixel centres.
            scope.Add("Resize", scope.Output, scope.Input(0), "", scales)
                .String("mode", "linear")
                .String("coordinate_transformation_mode", "half_pixel");
            return scope.Output;
        }

        scope.Add("Resize", scope.Output, scope.Input(0), "", scales)
            .String("mode", "nearest")
            .String("coordinate_transformation_mode", "asymmetric")
            .String("nearest_mode", "floor");
        return scope.Output;
    }
}
