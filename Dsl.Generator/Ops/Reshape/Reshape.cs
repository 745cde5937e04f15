using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Reshape: the parts of the op, found in this folder.</summary>
internal sealed class ReshapeDescriptor : OpDescriptor<ReshapeOp>
{
    public override string Name => "Reshape";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Reshape", ReshapeArguments.Read),
    };

    public override IShapeRule Shape { get; } = new ReshapeRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ReshapeTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ReshapePyTorch();

    public override IOnnxEmitter Onnx { get; } = new ReshapeOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ReshapeOp(EquatableArray.Create(4, 7, 7)),
    };

    protected override ValueFlow ValuesOf(ReshapeOp op) => ValueFlow.FromInput;

    public override OpDoc Doc { get; } = new(
        "x.Reshape(dims...)",
        "[B, ...] to [B, dims...]: every size positive except one -1, which is inferred; the input fully known, the same number of elements per sample.",
        "`x.reshape(B, *dims)` or `nn.Unflatten`",
        "`layers.Reshape(dims)`");
}
