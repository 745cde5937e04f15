namespace Dsl;

/// <summary>A loss function for <see cref="Graph.Loss"/>. Read by the source generator; never executed.</summary>
public sealed class LossFunction
{
    private LossFunction()
    {
    }
}

/// <summary>A declared loss term; <see cref="MaskedBy"/> restricts it to the samples a mask selects.</summary>
public sealed class LossTerm
{
    private LossTerm()
    {
    }

    /// <summary>
    /// Weights the loss by the target <paramref name="mask"/> (float, non-negative) and takes the weighted mean
    /// sum(w l) / sum(w); a batch whose weights are all 0 contributes 0.
    /// </summary>
    /// <param name="mask">The name of the mask column in <c>Targets</c> and in batches.</param>
    /// <param name="perPosition">False: one weight per sample, <c>[B]</c> (each sample's loss is first averaged over
    /// its positions). True: one weight per position of the per-sample loss, <c>[B, T]</c> for a cross entropy over
    /// <c>[B, T, V]</c>, <c>[B, H, W]</c> for a segmentation map, the prediction's shape for an element-wise loss.</param>
    public LossTerm MaskedBy(string mask, bool perPosition = false) => throw DeclarationOnly.Called(nameof(MaskedBy));
}

/// <summary>
/// The loss functions of the DSL. Each loss's method is in <c>Dsl.Runtime/Losses/&lt;Loss&gt;.cs</c>, beside its
/// run-time implementation; docs/losses.md lists them.
/// </summary>
public static partial class Loss
{
}
