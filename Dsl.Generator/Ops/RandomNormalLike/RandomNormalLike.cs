using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of RandomNormalLike: the parts of the op, found in this folder.</summary>
internal sealed class RandomNormalLikeDescriptor : OpDescriptor<RandomNormalLikeOp>
{
    public override string Name => "RandomNormalLike";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("RandomNormalLike", RandomNormalLikeArguments.Read),
    };

    public override IShapeRule Shape { get; } = new RandomNormalLikeRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new RandomNormalLikeTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new RandomNormalLikePyTorch();

    public override IOnnxEmitter Onnx { get; } = new RandomNormalLikeOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new RandomNormalLikeOp(),
    };

    protected override FeatureLayout LayoutOf(RandomNormalLikeOp op) => FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x.RandomNormalLike()",
        "Standard normal noise of x's shape, float32, drawn anew on every forward in training and eval (a VAE's mu + (0.5 * logvar).Exp() * eps); no gradient flows into x.",
        "`torch.randn_like(x)`",
        "`keras.random.normal(ops.shape(x))`");
}
