using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.BatchMean()</c>: the mean over the samples of the batch, a batch statistic: [B, ...] to [1, ...], a batch of one
/// (<see cref="TensorType.BatchOne"/>) that broadcasts back over the batch in <c>+ - * /</c>, and batch-level
/// (<see cref="TensorType.MixesSamples"/>). A mixture of experts' mean router probability per expert is one.
/// </summary>
internal sealed record BatchMeanOp : Op
{
    public override string Kind => "BatchMean";

    public override string NamePrefix => "batch_mean";
}

/// <summary>The catalogue entry of BatchMean, in one file: the record above, the rule and the emitters inline.</summary>
internal sealed class BatchMeanDescriptor : OpDescriptor<BatchMeanOp>
{
    public override string Name => "BatchMean";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("BatchMean", call => new OpRead(new BatchMeanOp(), call.Receiver())),
    };

    /// <summary>The input's sizes after the batch, as a batch of one marked batch-level.</summary>
    public override IShapeRule Shape { get; } = new BatchMeanRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new InlineTorchSharp<BatchMeanOp>((op, x) => $"{x}.mean(new long[] {{ 0 }}, keepdim: true)");

    public override IPyTorchEmitter PyTorch { get; } = new InlinePyTorch<BatchMeanOp>((op, x) => $"{x}.mean(0, keepdim=True)");

    public override IOnnxEmitter Onnx { get; } = new InlineOnnx<BatchMeanOp>((op, scope) =>
    {
        scope.Add("ReduceMean", scope.Output, scope.Input(0)).Ints("axes", 0).Int("keepdims", 1);
        return scope.Output;
    });

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new BatchMeanOp(),
    };

    protected override ValueFlow ValuesOf(BatchMeanOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(BatchMeanOp op) => FeatureLayout.KeptFromInput;

    protected override bool ComputesOverBatchOf(BatchMeanOp op) => true;

    public override OpDoc Doc { get; } = new(
        "x.BatchMean()",
        "[B, ...] to [1, ...]: the mean over the batch, a batch statistic (batch-level, a batch of one) that broadcasts back over the batch in + - * /; a batch of one as input is DSL0010.",
        "`x.mean(0, keepdim=True)`",
        "`ops.mean(x, axis=0, keepdims=True)`");

    private sealed class BatchMeanRule : ShapeRule<BatchMeanOp>
    {
        public override bool AcceptsInputCount(int count) => count == 1;

        protected override NodeAnalysis? Infer(BatchMeanOp op, ShapeContext context) =>
            ShapeContext.Ok(new TensorType(context.Input.Dims, context.Input.DType) { BatchOne = true, MixesSamples = true });
    }
}
