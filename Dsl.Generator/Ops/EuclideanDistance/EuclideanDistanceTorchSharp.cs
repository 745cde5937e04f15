using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>The row-wise distance, with a gradient that stays finite at zero.</summary>
internal sealed class EuclideanDistanceTorchSharp : TorchSharpEmitter<EuclideanDistanceOp>
{
    protected override ForwardStep Forward(EuclideanDistanceOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new(
            $"({names.Local(node.Inputs[0])} - {names.Local(node.Inputs[1])}).square().sum(1, keepdim: true).clamp_min(1e-12).sqrt()",
            "Euclidean distance. Unlike a plain sqrt (and unlike Keras' siamese example, which clamps at 1e-7), the squared sum is clamped at 1e-12 so the gradient stays finite when both inputs are equal.");
}
