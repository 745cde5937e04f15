using System.Collections.Generic;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Ops.BatchSimilarity(a, b)</c>: every sample of one batch against every sample of the other, <c>a @ b.T</c>; [B, F] x
/// [B, F] to [B, B]. Row i is sample i of <c>a</c>, column j sample j of <c>b</c>: the second axis has the batch size
/// (<see cref="DimExpr.BatchSize"/>) and the result is batch-level (<see cref="TensorType.MixesSamples"/>).
/// </summary>
internal sealed record BatchSimilarityOp : Op
{
    public override string Kind => "BatchSimilarity";

    public override string NamePrefix => "batch_similarity";
}

/// <summary>The catalogue entry of BatchSimilarity: the record above, its rule and emitters here.</summary>
internal sealed class BatchSimilarityDescriptor : OpDescriptor<BatchSimilarityOp>
{
    public override string Name => "BatchSimilarity";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "BatchSimilarity", call => new OpRead(new BatchSimilarityOp(), call.Node("a"), call.Node("b"))),
    };

    public override IShapeRule Shape { get; } = new BatchSimilarityRule();

    public override string MultiplyAccumulates => "B x F per sample (B: the batch size, not known at compile time; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new BatchSimilarityTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new BatchSimilarityPyTorch();

    /// <summary><c>MatMul(a, Transpose(b))</c>: [B, F] by [F, B].</summary>
    public override IOnnxEmitter Onnx { get; } = new InlineOnnx<BatchSimilarityOp>((op, scope) =>
    {
        string transposed = scope.Temp("b_t");
        scope.Add("Transpose", transposed, scope.Input(1)).Ints("perm", 1, 0);
        scope.Add("MatMul", scope.Output, scope.Input(0), transposed);
        return scope.Output;
    });

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new BatchSimilarityOp(),
    };

    protected override ValueFlow ValuesOf(BatchSimilarityOp op) => ValueFlow.Unbounded;

    /// <summary>Larger means closer: a distance-based loss (Contrastive) misreads it.</summary>
    protected override bool IsSimilarityOf(BatchSimilarityOp op) => true;

    protected override bool ComputesOverBatchOf(BatchSimilarityOp op) => true;

    public override OpDoc Doc { get; } = new(
        "Ops.BatchSimilarity(a, b)",
        "Two [B, F] nodes with equal F to [B, B], a @ b.T: row i is sample i of a against every sample of b (the second axis is the batch size; the result is batch-level). Normalize both first for cosine similarities; `Loss.InfoNce()` reads it.",
        "`a @ b.t()`",
        "`ops.matmul(a, ops.transpose(b))`");

    private sealed class BatchSimilarityRule : ShapeRule<BatchSimilarityOp>
    {
        public override bool AcceptsInputCount(int count) => count == 2;

        protected override NodeAnalysis? Infer(BatchSimilarityOp op, ShapeContext context)
        {
            foreach (var operand in context.Inputs)
            {
                if (operand.Rank != 2)
                {
                    return context.WrongRank("two batches of embeddings [B, F]", RankHints.ForFeatures(operand), operand);
                }
            }

            TensorType left = context.Inputs[0], right = context.Inputs[1];
            if (!left.Dims.Equals(right.Dims))
            {
                return context.Fail(
                    Descriptors.IncompatibleShapes,
                    op.Kind,
                    left.ShapeText,
                    right.ShapeText,
                    "both batches need embeddings of one size: end both towers with the same .Linear(N)");
            }

            return ShapeContext.Ok(new TensorType(EquatableArray.Create(DimExpr.BatchSize)) { MixesSamples = true }, macs: null);
        }
    }

    private sealed class BatchSimilarityTorchSharp : TorchSharpEmitter<BatchSimilarityOp>
    {
        protected override ForwardStep Forward(BatchSimilarityOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
            new($"{names.Local(node.Inputs[0])}.matmul({names.Local(node.Inputs[1])}.t())");
    }

    private sealed class BatchSimilarityPyTorch : PyTorchEmitter<BatchSimilarityOp>
    {
        protected override ForwardStep Forward(BatchSimilarityOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
            new($"{names.Local(node.Inputs[0])} @ {names.Local(node.Inputs[1])}.t()");
    }
}
