using Dsl.Generator.Losses;

namespace Dsl.Generator.Model;

/// <summary>
/// One loss term. Supervised terms read a target tensor named <see cref="Name"/> (a member of the generated
/// <c>Targets</c>); self-supervised terms compare with another node of the graph (<see cref="TargetNode"/>);
/// <c>Minimize</c> terms take the mean of the prediction. A mask weights samples (masked mean).
/// </summary>
/// <param name="Name">The term's name, and the target's name for supervised terms.</param>
/// <param name="Kind">The loss function: its entry in <see cref="LossCatalogue"/>.</param>
/// <param name="Prediction">The node the loss reads.</param>
/// <param name="TargetNode">For self-supervised terms, the node compared with; else -1.</param>
/// <param name="Mask">The name of the per-sample mask target, or null.</param>
/// <param name="Weight">The term's weight in the total.</param>
/// <param name="Argument">The loss's numeric option: the margin of Contrastive, the label smoothing of CrossEntropy, the
/// positive-class weight of BinaryCrossEntropyWithLogits, the delta of Huber; 0 where the loss has none.</param>
/// <param name="Site">Where the term was declared (the <c>g.Loss</c> / <c>g.Minimize</c> call).</param>
/// <param name="ArgSites">Where its arguments were written.</param>
internal sealed record LossSpec(
    string Name,
    LossDescriptor Kind,
    int Prediction,
    int TargetNode,
    string? Mask,
    double Weight,
    double Argument,
    int Site,
    EquatableArray<ArgSite> ArgSites)
{
    /// <summary>True where the term reads a target column (a member of <c>Targets</c>): not a <c>Minimize</c> term, not compared with a node or a constant.</summary>
    public bool IsSupervised => Kind.TakesTarget && TargetNode < 0 && ConstantTarget is null;

    /// <summary>The constant the loss compares with (<c>Loss.Mse(target: 0.0)</c>), or null.</summary>
    public double? ConstantTarget { get; init; }

    /// <summary>True where the mask holds a weight per position of the per-sample loss rather than one per sample.</summary>
    public bool MaskPerPosition { get; init; }

    /// <summary>Where <c>MaskedBy</c> named the mask, or -1.</summary>
    public int MaskSite { get; init; } = -1;

    /// <summary>The class axis a cross entropy or NLL states (<c>classDim:</c>, negative from the back), or null to infer it.</summary>
    public int? ClassDim { get; init; }

    /// <summary>The class index whose targets a cross entropy or NLL leaves out (<c>ignoreIndex:</c>), or null.</summary>
    public long? IgnoreIndex { get; init; }

    /// <summary>The loss's named form where it has more than one (<c>"hardest"</c>: InBatchTriplet's hardest negative), or null.</summary>
    public string? Variant { get; init; }

    /// <summary>True for the losses that read a class axis: cross entropy (with class indices or soft) and NLL.</summary>
    public bool HasClassAxis => Kind.HasClassAxis;

    public int SiteOf(string parameter)
    {
        foreach (var arg in ArgSites)
        {
            if (arg.Parameter == parameter)
            {
                return arg.Site;
            }
        }

        return Site;
    }

    /// <summary>The name users see in messages and tables (<c>CrossEntropy</c>, <c>Mse</c>, ...).</summary>
    public string KindName => Kind.Name;
}
