using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A <c>BatchNorm1d</c> / <c>BatchNorm2d</c> / <c>BatchNorm3d</c> module.</summary>
internal sealed class BatchNormTorchSharp : TorchSharpEmitter<BatchNormOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules." + op.Kind;

    // The DSL's momentum follows PyTorch: running = (1 - momentum) * running + momentum * batch statistic.
    protected override string Construction(BatchNormOp norm, NodeSpec node, AnalyzedModel model) =>
        $"{Nn}{norm.Kind}({Lit(KnownDim(model, node, 0))}, eps: {Names.DoubleLiteral(norm.Eps)}, momentum: {Names.DoubleLiteral(norm.Momentum)})";

    protected override ForwardStep Forward(BatchNormOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])})");
}
