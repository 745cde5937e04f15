using Dsl.Generator.Model;

namespace Dsl.Generator.Losses;

/// <summary>The mean of a node, <c>g.Minimize(name, node)</c>: a term without target (a VAE's KL term, a regularizer).</summary>
internal sealed class MinimizeLoss : LossDescriptor
{
    public override string Name => "Minimize";

    /// <summary>A graph statement (<c>g.Minimize</c>), parsed with the graph calls.</summary>
    public override string? Method => null;

    public override string RunTime => "Mean";

    public override bool TakesTarget => false;

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) => check.WithoutTarget();

    public override string TorchSharp(TorchSharpLossCall call) => $"{call.Function}({call.Prediction}{call.Mask})";

    public override string PyTorch(PyTorchLossCall call) =>
        call.Mask is null ? $"{call.Prediction}.mean()" : $"masked_mean({call.Prediction}, {call.Mask})";

    public override LossDoc Doc { get; } = new(
        "g.Minimize(name, node, weight: 1.0)",
        "Any float32 node.",
        "None: the term is the node's mean (masked mean with `.MaskedBy`).",
        "`node.mean()`",
        "`model.add_loss(ops.mean(node))`");
}
