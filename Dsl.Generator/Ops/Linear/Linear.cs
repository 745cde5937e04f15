using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Linear: the parts of the op, found in this folder.</summary>
internal sealed class LinearDescriptor : OpDescriptor<LinearOp>
{
    public override string Name => "Linear";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Bfloat16;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Linear", LinearArguments.Read),
    };

    public override IShapeRule Shape { get; } = new LinearRule();

    public override string Parameters => "outFeatures * F (+ outFeatures bias); tied: only the bias (the weight is the Embedding's)";

    public override string MultiplyAccumulates => "positions x outFeatures x inFeatures (positions: the product of the dims before F)";

    public override ITorchSharpEmitter TorchSharp { get; } = new LinearTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new LinearPyTorch();

    public override IOnnxEmitter Onnx { get; } = new LinearOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new LinearOp(10, Bias: true),
        new LinearOp(1, Bias: false),
    };

    protected override ValueFlow ValuesOf(LinearOp op) => ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(LinearOp op) => FeatureLayout.FeaturesLast;

    /// <summary>Features last; tied to an Embedding, the last axis scores the Embedding's vocabulary: classes.</summary>
    protected override AxisRole[] RolesOf(LinearOp op, IReadOnlyList<TensorType> inputs, TensorType output)
    {
        var roles = base.RolesOf(op, inputs, output);
        if (op.IsTied && roles.Length > 0)
        {
            roles[roles.Length - 1] = AxisRole.Class;
        }

        return roles;
    }

    public override OpDoc Doc { get; } = new(
        "x.Linear(outFeatures, bias: true, name: null); x.Linear(outFeatures, tiedTo: wte, bias: false, name: null)",
        "Over the last dim: [B, F] to [B, outFeatures], [B, ..., F] to [B, ..., outFeatures] (a sequence step by step); F must be known. A channels-first feature map (from an image, Conv2d, pooling) is DSL0002: Flatten it first, or Permute the channels last. tiedTo: the weight is the Embedding wte's [numEmbeddings, embeddingDim] table (weight tying, GPT-2's lm_head), so outFeatures = numEmbeddings and F = embeddingDim; one parameter, counted once, in the state dict under both names; bias defaults to false.",
        "`nn.Linear(F, outFeatures, bias=bias)`; tied: `lm_head.weight = wte.weight`",
        "`layers.Dense(outFeatures, use_bias=bias)`");
}
