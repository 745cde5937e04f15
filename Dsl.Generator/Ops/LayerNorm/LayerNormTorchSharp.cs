using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A <c>LayerNorm</c> module over the normalized dimensions' sizes.</summary>
internal sealed class LayerNormTorchSharp : TorchSharpEmitter<LayerNormOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules.LayerNorm";

    protected override string Construction(LayerNormOp norm, NodeSpec node, AnalyzedModel model)
    {
        var dims = model.TypeOf(node.Inputs[0]).Dims;
        string shape = string.Join(", ", dims.Skip(dims.Count - norm.Dims).Select(d => Lit(d.Value)));
        return $"{Nn}LayerNorm(new long[] {{ {shape} }}, eps: {Names.DoubleLiteral(norm.Eps)}, elementwise_affine: {(norm.Affine ? "true" : "false")})";
    }

    protected override ForwardStep Forward(LayerNormOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])})");
}
