using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>Embedding</c> module (initialized from N(0, 1), the padding row zero, as in PyTorch).</summary>
internal sealed class EmbeddingTorchSharp : TorchSharpEmitter<EmbeddingOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules.Embedding";

    protected override string Construction(EmbeddingOp op, NodeSpec node, AnalyzedModel model) =>
        $"{Nn}Embedding({Lit(op.NumEmbeddings)}, {Lit(op.EmbeddingDim)}" + (op.PaddingIdx is int padding ? $", padding_idx: {Lit(padding)})" : ")");

    protected override ForwardStep Forward(EmbeddingOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])})");
}
