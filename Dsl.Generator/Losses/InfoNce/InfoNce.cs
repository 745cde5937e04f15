using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes.Losses;

namespace Dsl.Generator.Losses;

/// <summary>
/// InfoNCE over the [B, B] logits of two batches (<c>Ops.BatchSimilarity</c>, scaled by a temperature): cross entropy
/// of each row against the diagonal, <c>arange(B)</c>, and with <c>symmetric</c> (CLIP's loss) of each column too,
/// averaged. No target column: the match of sample i is sample i of the other batch.
/// </summary>
internal sealed class InfoNceLoss : LossDescriptor
{
    public override string Name => "InfoNce";

    public override string RunTime => "InfoNce";

    /// <summary>The targets are the diagonal: nothing to read from the batch.</summary>
    public override bool TakesTarget => false;

    /// <summary>The option: 1 for the symmetric (CLIP) form, 0 for rows only.</summary>
    public override LossFunctionRef Read(Call call) => LossArguments.WithTargetColumn(this, call.Bool("symmetric") ? 1 : 0);

    public override string? PerPositionMaskRefusal => "InfoNce has one value per sample (its row and column of the logits); drop perPosition: true";

    /// <summary>The prediction is [B, B], the batch of rows against the batch of columns (DSL0213).</summary>
    public override LossAnalysis Check(LossCheck check) => check.BatchMatrix();

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}{(call.Loss.Argument == 1 ? "" : ", symmetric: false")}{call.Mask})";

    public override string PyTorch(PyTorchLossCall call)
    {
        string x = call.Prediction;
        string diagonal = $"torch.arange({x}.shape[0], device={x}.device)";
        string rows = $"F.cross_entropy({x}, {diagonal}, reduction=\"none\")";
        return call.Mean(call.Loss.Argument == 1
            ? $"0.5 * ({rows} + F.cross_entropy({x}.t(), {diagonal}, reduction=\"none\"))"
            : rows);
    }

    public override LossDoc Doc { get; } = new(
        "Loss.InfoNce(symmetric: true)",
        "The `[B, B]` logits of two batches, `Ops.BatchSimilarity(a, b)` times a temperature (CLIP: `* logitScale.Exp()`); another shape is DSL0213.",
        "None: sample i's match is sample i of the other batch, the diagonal `arange(B)`; a mask is one weight per sample.",
        "`(F.cross_entropy(z, arange(B)) + F.cross_entropy(z.t(), arange(B))) / 2` (CLIP); rows only with `symmetric: false`",
        "none built in (`ops.categorical_crossentropy` against `ops.eye(B)`)");
}
