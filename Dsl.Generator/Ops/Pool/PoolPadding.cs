using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;

namespace Dsl.Generator.Ops;

/// <summary>How a pooling node's declared padding is carried out, decided once for every emitter (TorchSharp, PyTorch).</summary>
internal enum PoolPaddingKind
{
    /// <summary>No padding.</summary>
    None,

    /// <summary>A declared amount per axis on both sides (zeros count in an average, PyTorch's default).</summary>
    Explicit,

    /// <summary>Same padding of at most one element at the end of an axis: ceil mode adds that partial window.</summary>
    CeilMode,

    /// <summary>Symmetric Same padding: the pooling's own padding (an average excludes the padded zeros, as Keras).</summary>
    Symmetric,

    /// <summary>Asymmetric Same padding: padded explicitly (max pooling with -infinity; an average divides by the count inside).</summary>
    Asymmetric,
}

/// <summary>The padding of one pooling node: how it is carried out, the amounts, and the note the emitted code carries.</summary>
internal sealed record PoolPadding(PoolPaddingKind Kind, PaddingPlan Plan, string? Note)
{
    public static PoolPadding Of(PoolOp pool, NodeSpec node, AnalyzedModel model)
    {
        bool avg = pool.Pool == PoolKind.Avg;
        int rank = pool.SpatialRank;
        switch (pool.Padding.Mode)
        {
            case PaddingMode.Valid:
                return new(PoolPaddingKind.None, PaddingPlan.Zero(rank), null);

            case PaddingMode.Explicit:
                return new(PoolPaddingKind.Explicit, NodeLowering.PaddingOf(node, pool.Padding, model, rank), avg ? "Explicit padding: zeros count in the average (PyTorch's count_include_pad default)." : null);
        }

        var plan = NodeLowering.PaddingOf(node, pool.Padding, model, rank);
        if (plan.IsZero)
        {
            return new(PoolPaddingKind.None, plan, null);
        }

        if (plan.Before.All(p => p == 0))
        {
            // At most one extra element at the end of an axis: PyTorch's ceil mode adds exactly that window,
            // clipped at the border (so an average divides by the elements inside).
            return new(PoolPaddingKind.CeilMode, plan, "Same padding: ceil mode adds the partial window at the bottom / right, as Keras does.");
        }

        if (plan.IsSymmetric)
        {
            return new(PoolPaddingKind.Symmetric, plan, avg ? "Same padding; padded zeros do not count in the average, as in Keras." : null);
        }

        // An average over the elements inside only: the pooled sum of the zero-padded input divided by the pooled
        // count of ones (both are divided by the window's size, which cancels).
        return new(PoolPaddingKind.Asymmetric, plan, avg
            ? "Asymmetric Same padding: average over the elements inside the input only, as Keras does."
            : "Asymmetric Same padding: pad with -infinity, which max pooling never picks.");
    }
}
