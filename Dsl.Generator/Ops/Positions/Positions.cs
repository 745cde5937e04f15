using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Positions: the parts of the op, found in this folder.</summary>
internal sealed class PositionsDescriptor : OpDescriptor<PositionsOp>
{
    public override string Name => "Positions";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Positions", PositionsArguments.Read),
    };

    public override IShapeRule Shape { get; } = new PositionsRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new PositionsTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new PositionsPyTorch();

    public override IOnnxEmitter Onnx { get; } = new PositionsOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new PositionsOp(1),
    };

    public override OpDoc Doc { get; } = new(
        "x.Positions(axis: 1)",
        "int64 [1, n], the ids 0 to n - 1 of x's positions along a non-batch axis of size n (symbolic or not, read at run time); a batch of one, so tokens.Positions(1).Embedding(maxLen, dim) [1, T, dim] broadcasts against the token embeddings [B, T, dim]. x may hold token ids.",
        "`torch.arange(x.size(axis)).unsqueeze(0)`",
        "`ops.arange(ops.shape(x)[axis])[None]`");
}
