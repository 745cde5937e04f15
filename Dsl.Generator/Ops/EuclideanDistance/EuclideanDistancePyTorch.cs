using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The row-wise distance, the squared sum clamped at 1e-12 as the TorchSharp module does (a finite gradient at zero).</summary>
internal sealed class EuclideanDistancePyTorch : PyTorchEmitter<EuclideanDistanceOp>
{
    protected override ForwardStep Forward(EuclideanDistanceOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"({names.Local(node.Inputs[0])} - {names.Local(node.Inputs[1])}).square().sum(1, keepdim=True).clamp_min(1e-12).sqrt()");
}
