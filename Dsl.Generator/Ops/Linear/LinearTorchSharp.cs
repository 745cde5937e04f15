using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A <c>Linear</c> module over the last dimension.</summary>
internal sealed class LinearTorchSharp : TorchSharpEmitter<LinearOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules.Linear";

    // in_features is the last dimension, as in PyTorch (the DSL applies Linear to [B, ..., F]).
    protected override string Construction(LinearOp linear, NodeSpec node, AnalyzedModel model) =>
        $"{Nn}Linear({Lit(KnownDim(model, node, model.TypeOf(node.Inputs[0]).Dims.Count - 1))}, {Lit(linear.OutFeatures)}, hasBias: {Names.BoolLiteral(linear.Bias)})";

    protected override ForwardStep Forward(LinearOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])})");

    // A tied weight is the Embedding's registered parameter object itself (get_parameter, not the weight property,
    // which wraps the native tensor anew on each read): parameters() then yields it once, so an optimizer steps it once,
    // and the state dict holds it under both layers' names, as PyTorch's does.
    protected override string? AfterLayers(LinearOp op, NodeSpec node, AnalyzedModel model, MemberNames names) => op.IsTied
        ? $"this.{names.Field(node.Id)}.weight = this.{names.Field(op.TiedTo)}.get_parameter(\"weight\")!;"
        : null;
}
