using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Submodel output: the parts of the op, found in this folder.</summary>
internal sealed class OutputOfDescriptor : OpDescriptor<OutputOfOp>
{
    public override string Name => "Submodel output";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Structural("SubModel", "Apply"),
        SurfaceEntry.Structural("SubModel", "ApplyAll"),
    };

    public override IShapeRule Shape { get; } = new OutputOfRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new OutputOfTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new OutputOfPyTorch();

    public override IOnnxEmitter Onnx { get; } = new OutputOfOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new OutputOfOp(null),
        new OutputOfOp("embedding"),
    };

    public override OpDoc Doc { get; } = new(
        "tower.Apply(x) (its only output), tower.ApplyAll(x)[\"name\"]",
        "The type of that output of the used model; Apply needs a model with exactly one declared output.",
        "the output of the submodule",
        "an output tensor of the nested model");
}
