using Dsl.Generator.Diagnostics;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Conv1d</c> / <c>Conv2d</c> / <c>Conv3d</c>: [B, C, spatial...] to [B, outChannels, spatial'...] with each
/// spatial size from <see cref="SpatialMath"/> under the dilated kernel. <c>ConvTranspose1d</c> / <c>2d</c>: each
/// size out = (in - 1) s - 2p + d (k - 1) + outputPadding + 1 (affine in a symbolic size), outputPadding below the
/// stride or the dilation (PyTorch's rule). C must be known and groups must divide both channel counts.
/// Parameters as PyTorch: outChannels x C / groups x prod(k) weights (+ outChannels bias), for both kinds.
/// </summary>
internal sealed class ConvRule : ShapeRule<ConvOp>
{
    protected override NodeAnalysis? Infer(ConvOp op, ShapeContext context)
    {
        int rank = op.SpatialRank;
        if (!context.CheckPositive("outChannels", "outChannels", op.OutChannels) ||
            !op.KernelSize.All(k => context.CheckPositive("kernelSize", "kernelSize", k)) ||
            !op.Stride.All(s => context.CheckPositive("stride", "stride", s)) ||
            !context.CheckPositive("groups", "groups", op.Groups) ||
            !op.Dilation.All(d => context.CheckPositive("dilation", "dilation", d)))
        {
            return null;
        }

        if (!Window.PaddingFits(context, op.Padding, rank))
        {
            return null;
        }

        if (Enumerable.Range(0, rank).Select(op.Padding.AmountAt).FirstOrDefault(p => p < 0) is var negative && negative < 0)
        {
            return context.InvalidArgument("padding", "padding must not be negative but is " + ShapeContext.Text(negative));
        }

        var input = context.Input;
        if (input.Rank != rank + 2)
        {
            return context.WrongRank(RankHints.Spatial(rank), RankHints.ForSpatial(rank, input));
        }

        if (rank == 1 && AxisRoles.IsTimeByFeature(input))
        {
            // Keras' Conv1D reads [B, T, F]; PyTorch's reads [B, C, L]: the steps would become channels.
            return context.WrongLayout(
                "channels first [B, C, L]",
                "it would read the " + input.Dims[0] + " steps as channels and slide over the " + input.Dims[1] + " features; insert .Transpose(1, 2) before it to give it " + AxisRoles.Text(new TensorType(EquatableArray.Create(input.Dims[1], input.Dims[0])).WithRoles(new[] { AxisRole.Channel, AxisRole.Time })) + " (PyTorch's Conv1d is channels first, unlike Keras' Conv1D)",
                FixSpec.Of(FixKinds.InsertCalls, ".Transpose(1, 2)"));
        }

        if (rank == 2 && input.RoleAt(3) == AxisRole.Channel && input.RoleAt(1) == AxisRole.Spatial)
        {
            return context.WrongLayout(
                "channels first [B, C, H, W]",
                "insert .Permute(0, 3, 1, 2) before it to move the " + input.Dims[2] + " channels first (PyTorch's Conv2d is channels first, unlike Keras' Conv2D)",
                FixSpec.Of(FixKinds.InsertCalls, ".Permute(0, 3, 1, 2)"));
        }

        var channels = input.Dims[0];
        if (!channels.IsKnown)
        {
            return context.NeedsConcreteSize(input, channels, "the number of input channels sizes the kernel, so it must be a fixed size");
        }

        if (channels.Value % op.Groups != 0 || op.OutChannels % op.Groups != 0)
        {
            return context.InvalidArgument(
                "groups",
                "groups " + ShapeContext.Text(op.Groups) + " must divide both the input channels (" + channels + ") and outChannels (" + ShapeContext.Text(op.OutChannels) + "); a depthwise convolution uses groups = the input channels");
        }

        EquatableArray<DimExpr> sizes;
        PaddingPlan? plan = null;
        if (op.Transposed)
        {
            var resolved = TransposedSizes(op, context, input);
            if (resolved is null)
            {
                return null;
            }

            sizes = resolved.Value;
        }
        else
        {
            // A dilated kernel covers dilation x (k - 1) + 1 positions: that extent decides the output size and padding.
            var window = Window.Resolve(context, input, Enumerable.Range(0, rank).Select(op.EffectiveKernelSize).ToList(), op.Stride, op.Padding);
            if (window is null)
            {
                return null;
            }

            sizes = window.Sizes;
            plan = window.Padding;
        }

        long kernelVolume = op.KernelSize.Aggregate(1L, (product, k) => SizeLimits.Multiply(product, k));
        long weightsPerOutput = SizeLimits.Multiply(channels.Value / op.Groups, kernelVolume);
        long parameters = SizeLimits.Add(SizeLimits.Multiply(op.OutChannels, weightsPerOutput), op.Bias ? op.OutChannels : 0);
        var type = new TensorType(new[] { DimExpr.Of(op.OutChannels) }.Concat(sizes).ToEquatableArray());

        // A convolution's output element is one dot product over the C_in / groups x prod(k) inputs of its group;
        // a transposed one scatters every input element into outChannels / groups x prod(k) outputs.
        long? macs = op.Transposed
            ? SizeLimits.KnownElementsPerSample(input) is long inputs ? SizeLimits.Multiply(inputs, SizeLimits.Multiply(op.OutChannels / op.Groups, kernelVolume)) : null
            : SizeLimits.KnownElementsPerSample(type) is long outputs ? SizeLimits.Multiply(outputs, weightsPerOutput) : null;
        return ShapeContext.Ok(type, parameters, padding: plan, macs: macs, spatial: true);
    }

    /// <summary>The output sizes of a transposed convolution, or null after reporting an output padding or a size PyTorch refuses.</summary>
    private static EquatableArray<DimExpr>? TransposedSizes(ConvOp op, ShapeContext context, TensorType input)
    {
        if (op.Padding.Mode == PaddingMode.Same && op.OutputPadding.Any(p => p != 0))
        {
            return Failed(context.InvalidArgument("outputPadding", "Padding.Same already sizes the output as input x stride; leave outputPadding at 0 or give an explicit padding"));
        }

        var sizes = new List<DimExpr>();
        for (int axis = 0; axis < op.SpatialRank; axis++)
        {
            int outputPadding = op.OutputPaddingAt(axis);
            if (outputPadding >= op.Stride[axis] && outputPadding >= op.Dilation[axis])
            {
                return Failed(context.InvalidArgument(
                    "outputPadding",
                    "outputPadding " + outputPadding + " must be smaller than the stride (" + op.Stride[axis] + ") or the dilation (" + op.Dilation[axis] + "), as PyTorch requires; a larger output needs a larger stride or kernel"));
            }

            var (padding, extra) = op.TransposedPadding(axis);
            var size = input.Dims[axis + 1];

            // out = (in - 1) s - 2p + d (k - 1) + outputPadding + 1 = in x s + (1 - s - 2p + (effective kernel - 1) + outputPadding).
            long offset = 1L - op.Stride[axis] - (2L * padding) + (op.EffectiveKernelSize(axis) - 1L) + extra;
            if (offset < -int.MaxValue || offset > int.MaxValue || size.Times(op.Stride[axis]) is not { } scaled)
            {
                return Failed(context.InvalidArgument("kernelSize", "the output size along spatial axis " + (axis + 1) + " is too large"));
            }

            var output = scaled.Add((int)offset);
            if (output.IsKnown && output.Value < 1)
            {
                return Failed(context.InvalidArgument(
                    "padding",
                    "padding " + padding + " leaves no output along spatial axis " + (axis + 1) + " of " + input.ShapeText + " ((" + size + " - 1) x " + op.Stride[axis] + " - 2 x " + padding + " + " + op.EffectiveKernelSize(axis) + " = " + output.Value + "); use a smaller padding"));
            }

            sizes.Add(output);
        }

        return sizes.ToEquatableArray();
    }

    private static EquatableArray<DimExpr>? Failed(NodeAnalysis? reported) => null;
}
