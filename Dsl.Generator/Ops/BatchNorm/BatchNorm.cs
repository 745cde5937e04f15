using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of BatchNorm2d, BatchNorm1d, BatchNorm3d: the parts of the op, found in this folder.</summary>
internal sealed class BatchNormDescriptor : OpDescriptor<BatchNormOp>
{
    public override string Name => "BatchNorm2d, BatchNorm1d, BatchNorm3d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("BatchNorm2d", BatchNormArguments.Read2d),
        SurfaceEntry.Node("BatchNorm1d", BatchNormArguments.Read1d),
        SurfaceEntry.Node("BatchNorm3d", BatchNormArguments.Read3d),
    };

    public override IShapeRule Shape { get; } = new BatchNormRule();

    public override string Parameters => "4 * C: 2 * C trainable (weight, bias), 2 * C non-trainable (running mean and variance, as Keras counts them)";

    public override ITorchSharpEmitter TorchSharp { get; } = new BatchNormTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new BatchNormPyTorch();

    public override IOnnxEmitter Onnx { get; } = new BatchNormOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new BatchNormOp(2, 1e-5, 0.1),
        new BatchNormOp(0, 1e-3, 0.01),
        new BatchNormOp(3, 1e-5, 0.1),
    };

    protected override ValueFlow ValuesOf(BatchNormOp op) => ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(BatchNormOp op) => FeatureLayout.ChannelsFirst;

    /// <summary>Training normalizes with the statistics of the batch: a batch of one (a batch statistic, a parameter) has none.</summary>
    protected override bool ComputesOverBatchOf(BatchNormOp op) => true;

    public override OpDoc Doc { get; } = new(
        "x.BatchNorm2d(eps: 1e-5, momentum: 0.1, name: null), x.BatchNorm1d(...), x.BatchNorm3d(...)",
        "BatchNorm2d: [B, C, H, W]; BatchNorm1d: [B, C] or [B, C, L]; BatchNorm3d: [B, C, D, H, W]; same type; C must be known.",
        "`nn.BatchNorm2d(C, eps, momentum)`, `nn.BatchNorm1d(C, eps, momentum)`, `nn.BatchNorm3d(C, eps, momentum)`",
        "`layers.BatchNormalization(axis=1, epsilon=eps, momentum=1 - momentum)`");
}
