using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes.Losses;

namespace Dsl.Generator.Losses;

/// <summary>
/// A triplet margin loss with the negatives taken from the batch, over the [B, B] similarities of two batches
/// (<c>Ops.BatchSimilarity</c> of normalized embeddings): anchor i's positive is S[i, i], every S[i, j] with j != i a
/// negative; per anchor the mean of <c>relu(margin - S[i, i] + S[i, j])</c> over the negatives (VSE's sum, averaged), or
/// with <c>hardest</c> their maximum (VSE++). No target column: the match of sample i is sample i of the other batch.
/// </summary>
internal sealed class InBatchTripletLoss : LossDescriptor
{
    public override string Name => "InBatchTriplet";

    public override string RunTime => "InBatchTriplet";

    /// <summary>The positive on the diagonal: nothing to read from the batch.</summary>
    public override bool TakesTarget => false;

    /// <summary>The margin (positive, default 0.2) as the term's argument; <c>hardest: true</c> as its "hardest" variant.</summary>
    public override LossFunctionRef Read(Call call)
    {
        double margin = call.Value("margin") is null ? 0.2 : call.Positive("margin");
        var function = LossArguments.WithTargetColumn(this, margin);
        function.Variant = call.Bool("hardest", defaultValue: false) ? HardestVariant : null;
        return function;
    }

    private const string HardestVariant = "hardest";

    private static double Margin(LossSpec loss) => loss.Argument;

    private static bool Hardest(LossSpec loss) => loss.Variant == HardestVariant;

    public override string? PerPositionMaskRefusal => "InBatchTriplet has one value per anchor (its row of the similarities); drop perPosition: true";

    /// <summary>The prediction is [B, B], the anchors against the other batch (DSL0213).</summary>
    public override LossAnalysis Check(LossCheck check) => check.BatchMatrix();

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}, {Names.DoubleLiteral(Margin(call.Loss))}{(Hardest(call.Loss) ? ", hardest: true" : "")}{call.Mask})";

    public override string PyTorch(PyTorchLossCall call)
    {
        string s = call.Prediction;
        string hinge = $"(({PyTorchCode.Float(Margin(call.Loss))} - {s}.diagonal().unsqueeze(1) + {s}).clamp_min(0) * (1 - torch.eye({s}.shape[0], device={s}.device, dtype={s}.dtype)))";
        return call.Mean(Hardest(call.Loss) ? $"{hinge}.amax(1)" : $"{hinge}.sum(1) / max({s}.shape[0] - 1, 1)");
    }

    public override LossDoc Doc { get; } = new(
        "Loss.InBatchTriplet(margin: 0.2, hardest: false)",
        "The `[B, B]` similarities of two batches, `Ops.BatchSimilarity(a, b)` of normalized embeddings (row i: anchor i, the diagonal its positive, the rest of the row its negatives); another shape is DSL0213.",
        "None: anchor i's positive is sample i of the other batch; a mask is one weight per anchor.",
        "`((margin - s.diagonal()[:, None] + s).clamp_min(0) * (1 - eye(B))).sum(1) / (B - 1)` (VSE); `.amax(1)`, the hardest negative, with `hardest: true` (VSE++)",
        "none built in (TensorFlow Addons' `TripletSemiHardLoss` / `TripletHardLoss` mine one batch by labels)");
}
