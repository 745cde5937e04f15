using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes.Losses;

namespace Dsl.Generator.Losses;

/// <summary>The documentation of a loss in <c>docs/losses.md</c> (generated from the catalogue, checked by a test).</summary>
/// <param name="Signature">The DSL call, as a user writes it.</param>
/// <param name="Prediction">What the loss reads: the prediction's meaning and shape.</param>
/// <param name="Target">The target it needs (a <c>Targets</c> member, a node or a constant) and its checks.</param>
/// <param name="PyTorch">The PyTorch equivalent (Markdown, code in backticks).</param>
/// <param name="Keras">The Keras equivalent (Markdown, code in backticks).</param>
internal sealed record LossDoc(string Signature, string Prediction, string Target, string PyTorch, string Keras);

/// <summary>
/// Everything the generator knows about one loss, in one place (<c>Losses/&lt;Loss&gt;/</c>), registered once in
/// <see cref="LossCatalogue"/>: the surface method it reads (<c>Loss.X</c>) and its argument reader, its sanity rule
/// (the target it needs given the prediction, and the checks that the two can be compared), the TorchSharp and
/// PyTorch expressions of a term, the name of its run-time implementation in <c>Dsl.Training.LossFunctions</c>, and
/// its documentation. What every loss shares (masks, weights, target columns, class axes, ignored indices) stays in
/// <see cref="LossRules"/>, <see cref="LossWiring"/> and the two loss emitters. LossCatalogueTests fail when a part
/// is missing or the run time disagrees.
/// </summary>
internal abstract class LossDescriptor
{
    /// <summary>The name users see in messages, <c>Info.Losses[i].Kind</c> and docs/losses.md (<c>CrossEntropy</c>, <c>CrossEntropy(soft)</c>).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The <c>Loss.X</c> method whose calls <see cref="Read"/> reads, or null for a loss another entry's reader
    /// produces (soft cross entropy, read by <c>Loss.CrossEntropy(soft: true)</c>) or a graph statement (<c>g.Minimize</c>).
    /// </summary>
    public virtual string? Method => Name;

    /// <summary>The method of <c>Dsl.Training.LossFunctions</c> that computes the loss at run time (marked there with <c>[RunTimeLoss(Name)]</c>).</summary>
    public abstract string RunTime { get; }

    /// <summary>True for the losses that compare with something (a target column, a node, a constant); false for <c>Minimize</c>.</summary>
    public virtual bool TakesTarget => true;

    /// <summary>True for the losses that read a class axis (cross entropy and NLL): <c>classDim:</c>, <c>ignoreIndex:</c>, the axis inference.</summary>
    public virtual bool HasClassAxis => false;

    /// <summary>True where the term's prediction scores classes against class indices: <c>Info</c> marks it, the trainer counts accuracy.</summary>
    public virtual bool IsClassification => false;

    /// <summary>True where the generated PyTorch module lists the term in <c>accuracy_heads</c>.</summary>
    public virtual bool PyTorchAccuracyHead => false;

    /// <summary>Why a per-position mask does not apply (the loss has one value per sample), or null where it does.</summary>
    public virtual string? PerPositionMaskRefusal => null;

    /// <summary>Reads the arguments of a <c>Loss.X(...)</c> call (only for an entry with a <see cref="Method"/>).</summary>
    public virtual LossFunctionRef Read(Call call) =>
        throw new System.InvalidOperationException($"{Name} has no surface method of its own; its calls are read elsewhere.");

    /// <summary>The sanity rule: the target the term needs and the checks of prediction and target (<see cref="LossCheck"/> holds the shared parts).</summary>
    public abstract LossAnalysis Check(LossCheck check);

    /// <summary>The C# expression of the term, calling <see cref="RunTime"/>.</summary>
    public abstract string TorchSharp(TorchSharpLossCall call);

    /// <summary>The PyTorch expression of the term, as <c>compute_loss</c> writes it.</summary>
    public abstract string PyTorch(PyTorchLossCall call);

    public abstract LossDoc Doc { get; }
}
