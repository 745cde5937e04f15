using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.randn_like</c>: fresh noise from the global generator (<c>torch.manual_seed</c> makes it repeatable).</summary>
internal sealed class RandomNormalLikePyTorch : PyTorchEmitter<RandomNormalLikeOp>
{
    protected override ForwardStep Forward(RandomNormalLikeOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"torch.randn_like({names.Local(node.Inputs[0])})");
}
