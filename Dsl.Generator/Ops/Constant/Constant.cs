using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of the constants Zeros, Ones, Full and Eye: the parts of the op, found in this folder.</summary>
internal sealed class ConstantDescriptor : OpDescriptor<ConstantOp>
{
    public override string Name => "Zeros, Ones, Full, Eye";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "Zeros", ConstantArguments.Zeros),
        new SurfaceEntry("Ops", "Ones", ConstantArguments.Ones),
        new SurfaceEntry("Ops", "Full", ConstantArguments.Full),
        new SurfaceEntry("Ops", "Eye", ConstantArguments.Eye),
    };

    public override IShapeRule Shape { get; } = new ConstantRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (a constant)";

    public override ITorchSharpEmitter TorchSharp { get; } = new ConstantTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ConstantPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ConstantOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ConstantOp(ConstantFill.Zeros, EquatableArray.Create(4)),
        new ConstantOp(ConstantFill.Ones, EquatableArray.Create(2, 3)),
        new ConstantOp(ConstantFill.Full, EquatableArray.Create(1), 0.5),
        new ConstantOp(ConstantFill.Eye, EquatableArray.Create(3, 3)),
    };

    public override OpDoc Doc { get; } = new(
        "Ops.Zeros(dims...), Ops.Ones(dims...), Ops.Full(value, dims...), Ops.Eye(n)",
        "A float32 constant [1, dims...] ([1, n, n] for Eye): a batch of one that broadcasts against [B, ...] (a T-Net's x.Reshape(3, 3) + Ops.Eye(3) is [B, 3, 3]); made on the device of the model's first input.",
        "`torch.zeros(1, dims...)`, `torch.ones(...)`, `torch.full((1, dims...), value)`, `torch.eye(n).unsqueeze(0)`",
        "`ops.zeros((1, dims...))`, `ops.ones(...)`, `ops.full(...)`, `ops.eye(n)[None]`");
}
