using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>attention.AttentionWeights()</c>: the softmax weights of the MultiheadAttention whose output <c>attention</c> is,
/// averaged over the heads, [B, T, S] (PyTorch's <c>need_weights=True, average_attn_weights=True</c>).
/// </summary>
internal sealed record AttentionWeightsOp : Op
{
    public override string Kind => "AttentionWeights";

    public override string NamePrefix => "attention_weights";
}

/// <summary>The catalogue entry of AttentionWeights: the record above, the rule and emitters below (no node of its own: the attention's step keeps the weights).</summary>
internal sealed class AttentionWeightsDescriptor : OpDescriptor<AttentionWeightsOp>
{
    public override string Name => "AttentionWeights";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("AttentionWeights", call => new OpRead(new AttentionWeightsOp(), call.Receiver())),
    };

    public override IShapeRule Shape { get; } = new AttentionWeightsRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    /// <summary>The local the attention's step declared (<c>out var attention_weights</c>), already batch first.</summary>
    public override ITorchSharpEmitter TorchSharp { get; } = new AttentionWeightsTorchSharp();

    /// <summary>The second value of the module's result, which the attention's step kept whole.</summary>
    public override IPyTorchEmitter PyTorch { get; } = new AttentionWeightsPyTorch();

    /// <summary>The attention's second value, its heads' weights averaged by <c>ReduceMean</c>.</summary>
    public override IOnnxEmitter Onnx { get; } = new AttentionWeightsOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new AttentionWeightsOp(),
    };

    protected override ValueFlow ValuesOf(AttentionWeightsOp op) => ValueFlow.Probability;

    protected override FeatureLayout LayoutOf(AttentionWeightsOp op) => FeatureLayout.AtAxis(-1);

    public override OpDoc Doc { get; } = new(
        "attention.AttentionWeights() (attention: the output of a MultiheadAttention)",
        "[B, T, S]: each query's attention over the keys after the masks, averaged over the heads (rows sum to 1).",
        "`out, weights = mha(q, k, v, need_weights=True, average_attn_weights=True)`",
        "`layers.MultiHeadAttention(...)(q, v, return_attention_scores=True)` (per head; `.mean(axis=1)`)");

    private sealed class AttentionWeightsRule : ShapeRule<AttentionWeightsOp>
    {
        // [B, T, S]: T is the attention output's length, S the key's (the attention's second operand, or its query).
        protected override NodeAnalysis? Infer(AttentionWeightsOp op, ShapeContext context)
        {
            var source = context.Spec.Nodes[context.Node.Inputs[0]];
            if (source.Op is not MultiheadAttentionOp attention)
            {
                return context.InvalidArgument(
                    null,
                    $"AttentionWeights() reads the weights of a MultiheadAttention, but '{source.Name}' is a {source.Op.Kind}; call it on the attention's own node (var attended = x.MultiheadAttention(4); var weights = attended.AttentionWeights();)");
            }

            var (_, keyNode, _) = MultiheadAttentionTorchSharp.Operands(attention, source);
            if (context.TypeOf(keyNode) is not { } key)
            {
                return null;
            }

            return ShapeContext.Ok(new TensorType(new[] { context.Input.Dims[0], key.Dims[0] }.ToEquatableArray()) { BatchOne = context.Input.BatchOne });
        }
    }

    private sealed class AttentionWeightsTorchSharp : TorchSharpEmitter<AttentionWeightsOp>
    {
        protected override ForwardStep Forward(AttentionWeightsOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
            new(names.Auxiliary(node.Inputs[0], AttentionWeightsRead.Suffix));
    }

    private sealed class AttentionWeightsPyTorch : PyTorchEmitter<AttentionWeightsOp>
    {
        protected override ForwardStep Forward(AttentionWeightsOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
            new($"{names.Auxiliary(node.Inputs[0], AttentionWeightsRead.Suffix)}[1]");
    }

    private sealed class AttentionWeightsOnnx : OnnxEmitter<AttentionWeightsOp>
    {
        protected override string Emit(AttentionWeightsOp op, NodeSpec node, OnnxScope scope) => scope.ValuesOf(node.Inputs[0])[1];
    }
}
