using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>Nearest-neighbour or bilinear (corners not aligned) <c>functional.interpolate</c>.</summary>
internal sealed class UpSample2dTorchSharp : TorchSharpEmitter<UpSample2dOp>
{
    protected override ForwardStep Forward(UpSample2dOp up, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string k = Names.DoubleLiteral(up.ScaleFactor);
        return new ForwardStep($"{F}interpolate({names.Local(node.Inputs[0])}, scale_factor: new double[] {{ {k}, {k} }}, mode: {Torch}InterpolationMode.{(up.Bilinear ? "Bilinear, align_corners: false" : "Nearest")})");
    }
}
