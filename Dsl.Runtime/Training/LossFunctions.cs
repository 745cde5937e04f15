using System.Collections.Generic;
using System.Linq;
using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// The loss functions generated <c>ComputeLoss</c> methods call. Each returns the mean over the batch (a scalar).
/// With a mask the term is the weighted mean sum(w l) / sum(w) over the loss's elements, where a mask of one weight
/// per sample ([B]: 1 selects a sample, 0 drops it, a fraction weights it) covers all of the sample's elements and a
/// per-position mask ([B, T] for a sequence) weighs each element; a batch whose weights are all 0 contributes 0, and a
/// negative weight is refused. Cross entropy and NLL take the class axis (<c>classDim</c>: 1 for [B, C, ...], the last
/// for a sequence [B, T, C]) and optionally a class index to ignore (PyTorch's <c>ignore_index</c>: the mean is over
/// the targets kept). Each first checks its arguments' values (<see cref="LossInputCheck"/>): an empty batch, a class
/// index out of range, a probability outside [0, 1] or a negative mask weight throws an
/// <see cref="System.ArgumentException"/> naming the model and the tensor, instead of a libtorch error or a silent NaN.
/// This file holds what the losses share; each loss's own method is in <c>Dsl.Runtime/Losses/&lt;Loss&gt;.cs</c>,
/// marked <see cref="RunTimeLossAttribute"/>.
/// </summary>
public static partial class LossFunctions
{
    /// <summary>
    /// The weighted mean sum(w l) / sum(w) of <paramref name="elementwise"/>'s elements under <paramref name="mask"/>:
    /// one weight per sample ([B], spread over the sample's elements, so each sample counts by its mean) or one per
    /// element (a mask of the elements' shape, or of their leading axes). Any non-negative weights: 1 / 0 selects,
    /// fractions weight (Keras' <c>sample_weight</c>: a term declared with <c>.MaskedBy("weight")</c> takes its dataset
    /// column as weights). All-zero weights give 0 with gradients 0, not NaN.
    /// </summary>
    /// <exception cref="System.ArgumentException">A negative or NaN weight, or a mask whose shape does not lead the elements'.</exception>
    public static Tensor MaskedMean(Tensor elementwise, Tensor mask) => WeightedMean(elementwise, mask, null);

    /// <summary>
    /// The loss <paramref name="loss"/> computes against a constant target (<c>Loss.Mse(target: 0.0)</c>): every
    /// element's target is <paramref name="target"/>, in a tensor of the prediction's shape, dtype and device.
    /// </summary>
    private static Tensor AgainstConstant(Tensor prediction, double target, System.Func<Tensor, Tensor> loss)
    {
        using var filled = full_like(prediction, target);
        return loss(filled);
    }

    /// <summary>
    /// The weighted mean of <paramref name="elementwise"/> under a mask and / or per-element weights <paramref name="keep"/>
    /// of its shape (false / 0 where a target is ignored; a class's weight).
    /// </summary>
    private static Tensor WeightedMean(Tensor elementwise, Tensor? mask, Tensor? keep)
    {
        using var scope = NewDisposeScope();
        Tensor? weights = keep?.to_type(elementwise.dtype);
        if (mask is not null)
        {
            LossInputCheck.MaskWeights(mask, elementwise);
            var spread = Spread(mask.to_type(elementwise.dtype), elementwise);
            weights = weights is null ? spread : weights * spread;
        }

        if (weights is null)
        {
            return elementwise.mean().MoveToOuterDisposeScope();
        }

        var total = weights.sum();
        var denominator = where(total.gt(0), total, ones_like(total));
        return ((elementwise * weights).sum() / denominator).MoveToOuterDisposeScope();
    }

    /// <summary>A mask of <paramref name="like"/>'s leading axes ([B], [B, T]) expanded to its shape.</summary>
    private static Tensor Spread(Tensor mask, Tensor like) =>
        mask.reshape(mask.shape.Concat(Enumerable.Repeat(1L, (int)(like.dim() - mask.dim()))).ToArray()).expand_as(like);

    /// <summary>
    /// The class indices with ignored ones replaced by class 0 (a valid index, weighted 0 afterwards), and where they
    /// are kept; both as given without an <paramref name="ignoreIndex"/>.
    /// </summary>
    private static (Tensor Classes, Tensor? Keep) Kept(Tensor classes, long? ignoreIndex)
    {
        if (ignoreIndex is not long ignored)
        {
            return (classes, null);
        }

        var keep = classes.ne(ignored);
        return (classes.masked_fill(keep.logical_not(), 0), keep);
    }

    /// <summary>The class axis <paramref name="classDim"/> of <paramref name="logits"/> (negative from the back), checked: not the batch, within the rank.</summary>
    private static long ClassAxis(string loss, Tensor logits, long classDim)
    {
        long rank = logits.dim();
        long axis = classDim < 0 ? rank + classDim : classDim;
        if (axis >= 1 && axis < rank)
        {
            return axis;
        }

        throw new System.ArgumentException(
            $"{loss}: classDim {classDim} is not a class axis of a prediction of shape {TensorCheck.Format(logits.shape)}; expected 1 to {rank - 1} or -{rank - 1} to -1 (dim 0 is the batch).",
            nameof(classDim));
    }

    /// <summary>The logits with their class axis moved to dim 1, where torch's cross entropy and NLL read it (a view; the tensor itself when it is there).</summary>
    private static Tensor ClassesFirst(string loss, Tensor logits, long classDim)
    {
        long axis = ClassAxis(loss, logits, classDim);
        if (axis == 1)
        {
            return logits.alias();
        }

        var order = new List<long> { 0, axis };
        order.AddRange(Enumerable.Range(1, (int)logits.dim() - 1).Select(d => (long)d).Where(d => d != axis));
        return logits.permute(order.ToArray());
    }
}
