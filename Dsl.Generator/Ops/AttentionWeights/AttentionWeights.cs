using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>attention.AttentionWeights(averageHeads: true)</c>: the softmax weights of the MultiheadAttention whose output
/// <c>attention</c> is, averaged over the heads, [B, T, S] (PyTorch's <c>need_weights=True, average_attn_weights=True</c>),
/// or each head's, [B, heads, T, S] (<c>average_attn_weights=False</c>; Keras' <c>return_attention_scores=True</c>).
/// </summary>
/// <param name="AverageHeads">Average the heads' weights (the default), or keep a head axis.</param>
internal sealed record AttentionWeightsOp(bool AverageHeads = true) : Op
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
        SurfaceEntry.Node("AttentionWeights", call => new OpRead(new AttentionWeightsOp(call.Bool("averageHeads")), call.Receiver())),
    };

    public override IShapeRule Shape { get; } = new AttentionWeightsRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    /// <summary>The local the attention's step declared (<c>out var attention_weights</c>), already batch first; averaged here where the step kept the heads.</summary>
    public override ITorchSharpEmitter TorchSharp { get; } = new AttentionWeightsTorchSharp();

    /// <summary>The second value of the module's result, which the attention's step kept whole.</summary>
    public override IPyTorchEmitter PyTorch { get; } = new AttentionWeightsPyTorch();

    /// <summary>The attention's second value (its heads' weights averaged by <c>ReduceMean</c>) or its third (each head's).</summary>
    public override IOnnxEmitter Onnx { get; } = new AttentionWeightsOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new AttentionWeightsOp(),
        new AttentionWeightsOp(AverageHeads: false),
    };

    protected override ValueFlow ValuesOf(AttentionWeightsOp op) => ValueFlow.Probability;

    protected override FeatureLayout LayoutOf(AttentionWeightsOp op) => FeatureLayout.AtAxis(-1);

    /// <summary>[B, T, S] as the query's and the key's lengths; per head, [B, Hd, T, S]: the one op that certainly makes a head axis.</summary>
    protected override AxisRole[] RolesOf(AttentionWeightsOp op, IReadOnlyList<TensorType> inputs, TensorType output) =>
        op.AverageHeads ? new[] { AxisRole.Time, AxisRole.Time } : new[] { AxisRole.Head, AxisRole.Time, AxisRole.Time };

    public override OpDoc Doc { get; } = new(
        "attention.AttentionWeights(averageHeads: true) (attention: the output of a MultiheadAttention)",
        "[B, T, S]: each query's attention over the keys after the masks, averaged over the heads (rows sum to 1); averageHeads: false keeps each head's, [B, numHeads, T, S] (its axis 1 has the head role).",
        "`out, weights = mha(q, k, v, need_weights=True, average_attn_weights=averageHeads)`",
        "`layers.MultiHeadAttention(...)(q, v, return_attention_scores=True)` (per head; `.mean(axis=1)` for the average)");

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

            var dims = op.AverageHeads ? new[] { context.Input.Dims[0], key.Dims[0] } : new[] { DimExpr.Of(attention.NumHeads), context.Input.Dims[0], key.Dims[0] };
            return ShapeContext.Ok(new TensorType(dims.ToEquatableArray()) { BatchOne = context.Input.BatchOne });
        }
    }

    private sealed class AttentionWeightsTorchSharp : TorchSharpEmitter<AttentionWeightsOp>
    {
        protected override ForwardStep Forward(AttentionWeightsOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
        {
            string kept = names.Auxiliary(node.Inputs[0], AttentionWeightsRead.Suffix);
            return new(op.AverageHeads && AttentionWeightsRead.PerHead(model.Spec, node.Inputs[0]) ? $"{kept}.mean(new long[] {{ 1 }})" : kept);
        }
    }

    private sealed class AttentionWeightsPyTorch : PyTorchEmitter<AttentionWeightsOp>
    {
        protected override ForwardStep Forward(AttentionWeightsOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
        {
            string kept = $"{names.Auxiliary(node.Inputs[0], AttentionWeightsRead.Suffix)}[1]";
            return new(op.AverageHeads && AttentionWeightsRead.PerHead(model.Spec, node.Inputs[0]) ? $"{kept}.mean(1)" : kept);
        }
    }

    private sealed class AttentionWeightsOnnx : OnnxEmitter<AttentionWeightsOp>
    {
        protected override string Emit(AttentionWeightsOp op, NodeSpec node, OnnxScope scope) => scope.ValuesOf(node.Inputs[0])[op.AverageHeads ? 1 : 2];
    }
}
