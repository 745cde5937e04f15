using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Dropout: the parts of the op, found in this folder.</summary>
internal sealed class DropoutDescriptor : OpDescriptor<DropoutOp>
{
    public override string Name => "Dropout";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Dropout", DropoutArguments.Read),
    };

    public override IShapeRule Shape { get; } = new DropoutRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new DropoutTorchSharp();
    public override IPyTorchEmitter PyTorch { get; } = new DropoutPyTorch();

    public override IOnnxEmitter Onnx { get; } = new DropoutOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new DropoutOp(0.5),
    };

    public override OpDoc Doc { get; } = new(
        "x.Dropout(p)",
        "Same type; 0 <= p < 1; identity in eval mode.",
        "`nn.Dropout(p)`",
        "`layers.Dropout(p)`");
}
