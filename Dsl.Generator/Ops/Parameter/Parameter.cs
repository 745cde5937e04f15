using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Parameter (a learned tensor): the parts of the op, found in this folder.</summary>
internal sealed class ParameterDescriptor : OpDescriptor<ParameterOp>
{
    public override string Name => "Parameter";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Graph", "Parameter", ParameterArguments.Read),
    };

    public override IShapeRule Shape { get; } = new ParameterRule();

    public override string Parameters => "the product of dims";

    public override string MultiplyAccumulates => "0 (a stored tensor)";

    public override ITorchSharpEmitter TorchSharp { get; } = new ParameterTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ParameterPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ParameterOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ParameterOp(EquatableArray.Create(1, 64), "Zeros", 1),
        new ParameterOp(EquatableArray.Create(17, 64), "Normal", 0.02),
    };

    public override OpDoc Doc { get; } = new(
        "g.Parameter(name, dims..., init: ParameterInit.Zeros, std: 1)",
        "A learned tensor [1, dims...] (0 to 3 dims), float32, in the state dict under name: a batch of one that broadcasts against [B, dims...] in + - * / and MatMul, and takes a batch with Expand(batchOf: x) or Ops.Concat(dim, broadcast: true, ...); ops of one input keep the batch of one. init: Zeros, Ones or Normal (times std); g.DefaultInit does not apply.",
        "`nn.Parameter(torch.zeros(1, dims...))`",
        "`self.add_weight(shape=(1, dims...))`");

    public override bool IsLearnedTensor => true;
}
