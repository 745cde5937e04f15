using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.cosine_similarity</c> along the features, kept as [B, 1].</summary>
internal sealed class CosineSimilarityPyTorch : PyTorchEmitter<CosineSimilarityOp>
{
    protected override ForwardStep Forward(CosineSimilarityOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"F.cosine_similarity({names.Local(node.Inputs[0])}, {names.Local(node.Inputs[1])}, 1).unsqueeze(1)");
}
