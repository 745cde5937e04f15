using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of MatMul: the parts of the op, found in this folder.</summary>
internal sealed class MatMulDescriptor : OpDescriptor<MatMulOp>
{
    public override string Name => "MatMul";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Bfloat16;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "MatMul", MatMulArguments.Read),
    };

    public override IShapeRule Shape { get; } = new MatMulRule();

    public override string MultiplyAccumulates => "n x k x m per position of the broadcast axes";

    public override ITorchSharpEmitter TorchSharp { get; } = new MatMulTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new MatMulPyTorch();

    public override IOnnxEmitter Onnx { get; } = new MatMulOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new MatMulOp(),
    };

    public override OpDoc Doc { get; } = new(
        "Ops.MatMul(a, b)",
        "[B, ..., n, k] by [B, ..., k, m] to [B, ..., n, m]: the inner sizes equal, the axes between the batch and the matrices broadcast (same rank).",
        "`torch.matmul(a, b)`",
        "`ops.matmul(a, b)`");

    protected override bool BroadcastsBatchOf(MatMulOp op) => true;
}
