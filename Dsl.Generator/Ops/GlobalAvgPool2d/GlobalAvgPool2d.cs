using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of GlobalAvgPool2d: the parts of the op, found in this folder.</summary>
internal sealed class GlobalAvgPool2dDescriptor : OpDescriptor<GlobalAvgPool2dOp>
{
    public override string Name => "GlobalAvgPool2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("GlobalAvgPool2d", GlobalAvgPool2dArguments.Read),
    };

    public override IShapeRule Shape { get; } = new GlobalAvgPool2dRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new GlobalAvgPool2dTorchSharp();
    public override IPyTorchEmitter PyTorch { get; } = new GlobalAvgPool2dPyTorch();

    public override IOnnxEmitter Onnx { get; } = new GlobalAvgPool2dOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new GlobalAvgPool2dOp(),
    };

    public override OpDoc Doc { get; } = new(
        "x.GlobalAvgPool2d()",
        "[B, C, H, W] to [B, C] (the mean over H and W; symbolic H and W are fine).",
        "`x.mean((2, 3))`, or `nn.AdaptiveAvgPool2d(1)` and a flatten",
        "`layers.GlobalAveragePooling2D()`");
}
