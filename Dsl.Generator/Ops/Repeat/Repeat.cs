using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Repeat: the parts of the op, found in this folder.</summary>
internal sealed class RepeatDescriptor : OpDescriptor<RepeatOp>
{
    public override string Name => "Repeat";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Repeat", RepeatArguments.Read),
    };

    public override IShapeRule Shape { get; } = new RepeatRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new RepeatTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new RepeatPyTorch();

    public override IOnnxEmitter Onnx { get; } = new RepeatOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new RepeatOp(EquatableArray.Create(3, 1)),
    };

    public override OpDoc Doc { get; } = new(
        "x.Repeat(repeats...)",
        "One count (at least 1) per axis after the batch; each size is multiplied by its count, the batch kept: [B, 1, F].Repeat(T, 1) is [B, T, F] (Keras' RepeatVector after a Reshape(1, F)). int64 ids repeat too.",
        "`x.repeat(1, repeats...)`",
        "`ops.tile(x, (1, repeats...))`");
}
