using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// A <c>Conv1d/2d/3d</c> or <c>ConvTranspose1d/2d</c> module: one literal per argument where every axis agrees, a
/// tuple per axis otherwise; asymmetric Same padding of a convolution is applied explicitly in forward.
/// </summary>
internal sealed class ConvTorchSharp : TorchSharpEmitter<ConvOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules." + op.Kind;

    protected override string Construction(ConvOp conv, NodeSpec node, AnalyzedModel model)
    {
        long inChannels = KnownDim(model, node, 0);
        int rank = conv.SpatialRank;
        var axes = Enumerable.Range(0, rank).ToList();
        var padding = conv.Transposed
            ? axes.Select(a => conv.TransposedPadding(a).Padding).ToList()
            : PaddingOf(node, conv.Padding, model, rank) is { IsSymmetric: true } plan ? plan.Before.ToList() : axes.Select(_ => 0).ToList();
        // A per-axis output padding is applied in forward (see there), so the module is built without it.
        var outputPadding = HasMixedOutputPadding(conv) ? axes.Select(_ => 0).ToList() : OutputPadding(conv);

        // Tuples where the axes differ (TorchSharp's 1-D layers take single values only, and every axis agrees there).
        bool tuple = rank > 1 && (!conv.IsUniform || padding.Distinct().Count() > 1 || outputPadding.Distinct().Count() > 1);
        string text = $"{Nn}{conv.Kind}({Lit(inChannels)}, {Lit(conv.OutChannels)}, {Axes(conv.KernelSize, tuple)}, stride: {Axes(conv.Stride, tuple)}, ";

        // No padding argument when it is zero: a literal 0 also converts to TorchSharp's Padding enum, which makes
        // the call ambiguous, and 0 is the default. Asymmetric padding is applied explicitly in forward.
        if (padding.Any(p => p != 0))
        {
            text += $"padding: {Axes(padding, tuple)}, ";
        }

        if (outputPadding.Any(p => p != 0))
        {
            text += $"output_padding: {Axes(outputPadding, tuple)}, ";
        }

        // dilation and groups only where they are not the defaults, so that plain convolutions read as before.
        if (conv.Dilation.Any(d => d != 1))
        {
            text += $"dilation: {Axes(conv.Dilation, tuple)}, ";
        }

        if (conv.Groups != 1)
        {
            text += $"groups: {Lit(conv.Groups)}, ";
        }

        return text + $"bias: {Names.BoolLiteral(conv.Bias)})";
    }

    protected override ForwardStep Forward(ConvOp conv, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string field = "this." + names.Field(node.Id);
        if (HasMixedOutputPadding(conv))
        {
            var axes = Enumerable.Range(0, conv.SpatialRank).ToList();
            string Longs(System.Collections.Generic.IEnumerable<int> values) => "new long[] { " + string.Join(", ", values.Select(v => Lit(v))) + " }";
            return new ForwardStep(
                $"{F}conv_transpose2d({x}, {field}.weight, {field}.bias, strides: {Longs(conv.Stride)}, padding: {Longs(axes.Select(a => conv.TransposedPadding(a).Padding))}, " +
                $"output_padding: {Longs(OutputPadding(conv))}, dilation: {Longs(conv.Dilation)}, groups: {Lit(conv.Groups)})",
                "The output padding differs per axis, which TorchSharp 0.107's ConvTranspose2d module does not apply (it uses the first for both): the functional form with the module's weights.");
        }

        if (conv.Transposed || PaddingOf(node, conv.Padding, model, conv.SpatialRank) is not { IsSymmetric: false } padding)
        {
            return new ForwardStep($"{field}.forward({x})");
        }

        return new ForwardStep($"{field}.forward({Pad(x, padding)})", AsymmetricNote(padding));
    }

    /// <summary>The note on a convolution whose Same padding is asymmetric (shared with the PyTorch emitter).</summary>
    internal static string AsymmetricNote(PaddingPlan padding)
    {
        string sides = string.Join(", ", Enumerable.Range(0, padding.Rank).Select(a => $"{padding.Before[a]} before / {padding.After[a]} after axis {a + 1}"));
        return padding.Rank == 2
            ? $"Same padding is asymmetric here (top {padding.Top}, bottom {padding.Bottom}, left {padding.Left}, right {padding.Right}): pad explicitly, as Keras does."
            : $"Same padding is asymmetric here ({sides}): pad explicitly, as Keras does.";
    }

    internal static System.Collections.Generic.List<int> OutputPadding(ConvOp conv) =>
        Enumerable.Range(0, conv.SpatialRank).Select(a => conv.Transposed ? conv.TransposedPadding(a).OutputPadding : 0).ToList();

    /// <summary>A transposed convolution whose output padding differs between its axes.</summary>
    internal static bool HasMixedOutputPadding(ConvOp conv) => conv.Transposed && OutputPadding(conv).Distinct().Count() > 1;
}
