using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>Nearest-neighbour or bilinear (corners not aligned) <c>F.interpolate</c>.</summary>
internal sealed class UpSample2dPyTorch : PyTorchEmitter<UpSample2dOp>
{
    protected override ForwardStep Forward(UpSample2dOp up, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string k = Float(up.ScaleFactor);
        return new ForwardStep($"F.interpolate({names.Local(node.Inputs[0])}, scale_factor=({k}, {k}), {(up.Bilinear ? "mode=\"bilinear\", align_corners=False" : "mode=\"nearest\"")})");
    }
}
