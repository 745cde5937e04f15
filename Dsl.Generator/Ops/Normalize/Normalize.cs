using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Normalize: the parts of the op, found in this folder.</summary>
internal sealed class NormalizeDescriptor : OpDescriptor<NormalizeOp>
{
    public override string Name => "Normalize";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Float32;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Normalize", NormalizeArguments.Read),
    };

    public override IShapeRule Shape { get; } = new NormalizeRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new NormalizeTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new NormalizePyTorch();

    public override IOnnxEmitter Onnx { get; } = new NormalizeOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new NormalizeOp(2, -1, 1e-12),
        new NormalizeOp(3, 1, 1e-6),
    };

    public override OpDoc Doc { get; } = new(
        "x.Normalize(p: 2, dim: 1, eps: 1e-12)",
        "Same type: x / max(||x||_p, eps) along dim (an axis after the batch; negative counts from the back); p positive and finite.",
        "`F.normalize(x, p, dim, eps)`",
        "`tf.math.l2_normalize(x, axis)` (p = 2)");
}
