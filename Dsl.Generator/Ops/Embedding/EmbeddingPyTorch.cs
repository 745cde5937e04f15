using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.Embedding</c> module.</summary>
internal sealed class EmbeddingPyTorch : PyTorchEmitter<EmbeddingOp>
{
    protected override string Module(EmbeddingOp op, NodeSpec node, AnalyzedModel model) =>
        $"nn.Embedding({Int(op.NumEmbeddings)}, {Int(op.EmbeddingDim)}" + (op.PaddingIdx is int padding ? $", padding_idx={Int(padding)})" : ")");

    protected override ForwardStep Forward(EmbeddingOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Layer(node.Id)}({names.Local(node.Inputs[0])})");
}
