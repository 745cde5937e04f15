using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Submodel application: the parts of the op, found in this folder.</summary>
internal sealed class ApplyDescriptor : OpDescriptor<ApplyOp>
{
    public override string Name => "Submodel application";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Structural("SubModel", "Apply"),
        SurfaceEntry.Structural("SubModel", "ApplyAll"),
    };

    public override IShapeRule Shape { get; } = new ApplyRule();

    public override string Parameters => "the used model's parameters, counted on its first application (non-trainable when frozen)";

    public override string MultiplyAccumulates => "the used model's, on every application (its parameters count once)";

    public override ITorchSharpEmitter TorchSharp { get; } = new ApplyTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ApplyPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ApplyOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ApplyOp(0, "tower"),
    };

    public override OpDoc Doc { get; } = new(
        "var tower = g.Use<TModel>(name, frozen: false); tower.Apply(inputs...), tower.ApplyAll(inputs...)",
        "The used model's inputs must receive nodes of their declared shapes (a symbolic size accepts any size); the result is the model's output record.",
        "a submodule called in `forward` (frozen: `requires_grad_(False)` and eval mode)",
        "a nested `keras.Model` called on tensors (`trainable = False` when frozen)");
}
