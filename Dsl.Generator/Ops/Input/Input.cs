using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Input: the parts of the op, found in this folder.</summary>
internal sealed class InputDescriptor : OpDescriptor<InputOp>
{
    public override string Name => "Input";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Structural("Graph", "Input"),
    };

    public override IShapeRule Shape { get; } = new InputRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new InputTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new InputPyTorch();

    public override IOnnxEmitter Onnx { get; } = new InputOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new InputOp("image", EquatableArray.Create(DimExpr.Of(1), DimExpr.Sym("H"), DimExpr.Of(28))),
        new InputOp("tokens", EquatableArray.Create(DimExpr.Sym("T")), DType.Int64),
    };

    /// <summary>The declared layout, else the default reading (<see cref="AxisRoles.Declared(EquatableArray{DimExpr}, DType)"/>).</summary>
    protected override AxisRole[] RolesOf(InputOp op, IReadOnlyList<TensorType> inputs, TensorType output) => op.Layout switch
    {
        InputLayout.ChannelsFirst => AxisRoles.Declared(op.Dims.Count, channelsFirst: true),
        InputLayout.ChannelsLast => AxisRoles.Declared(op.Dims.Count, channelsFirst: false),
        _ => AxisRoles.Declared(op.Dims, op.DType),
    };

    public override OpDoc Doc { get; } = new(
        "g.Input(name, dims...), g.Input(name, DType.Int64, dims...), g.Input(name, AxisLayout.ChannelsFirst / ChannelsLast, dims...)",
        "[B, dims...] of float32 (channels first: rank 4 is an image [B, C, H, W]), or of int64 indices such as token ids for Embedding; Dim.Of(\"H\") declares a symbolic size; every known size is at least 1. AxisLayout states how the axes read where the default does not tell ([B, T, F] with a symbolic T is time x feature).",
        "an argument of `forward`",
        "`keras.Input(shape=dims)`");
}
