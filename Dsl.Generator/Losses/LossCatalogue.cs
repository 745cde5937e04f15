using System.Collections.Generic;
using System.Linq;

namespace Dsl.Generator.Losses;

/// <summary>
/// The loss catalogue: every loss, registered once. The parser finds argument readers here, the loss rules the
/// sanity checks, the emitters the TorchSharp and PyTorch expressions, and docs/losses.md its text. Adding a loss
/// <c>Foo</c> (README "Adding a loss"):
/// <list type="number">
/// <item><c>Losses/Foo/Foo.cs</c>: the descriptor (arguments, sanity rule, TorchSharp and PyTorch expressions, doc);</item>
/// <item><c>Dsl.Runtime/Losses/Foo.cs</c>: the surface method <c>Loss.Foo</c> and the run-time implementation
/// <c>LossFunctions.Foo</c>, marked <c>[RunTimeLoss("Foo")]</c>;</item>
/// <item>one line in <see cref="All"/>; then <c>DSL_ACCEPT_DOCS=1</c> regenerates docs/losses.md;</item>
/// <item>the test: a term of the loss in a PyTorch-parity model (LossCatalogueTests fail until every part is there).</item>
/// </list>
/// </summary>
internal static class LossCatalogue
{
    /// <summary>The mean of a node, <c>g.Minimize</c>: a term without target.</summary>
    public static readonly LossDescriptor Minimize = new MinimizeLoss();

    /// <summary>Cross entropy against probabilities, read by <c>Loss.CrossEntropy(soft: true)</c>.</summary>
    public static readonly LossDescriptor SoftCrossEntropy = new SoftCrossEntropyLoss();

    /// <summary>Every loss, in the order of docs/losses.md.</summary>
    public static readonly IReadOnlyList<LossDescriptor> All = new LossDescriptor[]
    {
        new CrossEntropyLoss(),
        SoftCrossEntropy,
        new NllLoss(),
        new BinaryCrossEntropyLoss(),
        new BinaryCrossEntropyWithLogitsLoss(),
        new MseLoss(),
        new MaeLoss(),
        new HuberLoss(),
        new KlDivergenceLoss(),
        new ContrastiveLoss(),
        new InfoNceLoss(),
        new InBatchTripletLoss(),
        Minimize,
    };

    private static readonly Dictionary<string, LossDescriptor> ByMethod = All.Where(d => d.Method is not null).ToDictionary(d => d.Method!, d => d);

    /// <summary>The entry that reads calls of <c>Loss.<paramref name="method"/></c>, or null.</summary>
    public static LossDescriptor? ForMethod(string method) => ByMethod.TryGetValue(method, out var descriptor) ? descriptor : null;
}
