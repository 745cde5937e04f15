using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;
using Names = Dsl.Generator.Emit.Names;

namespace Dsl.Generator.Ops;

/// <summary>A <c>Conv2d</c> module; asymmetric Same padding is applied explicitly in forward.</summary>
internal sealed class Conv2dTorchSharp : TorchSharpEmitter<Conv2dOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules.Conv2d";

    protected override string Construction(Conv2dOp conv, NodeSpec node, AnalyzedModel model)
    {
        long inChannels = KnownDim(model, node, 0);
        var padding = PaddingOf(node, conv.Padding, model, rank: 2);
        string head = $"{Nn}Conv2d({Lit(inChannels)}, {Lit(conv.OutChannels)}, ";
        // dilation and groups only where they are not the defaults, so that plain convolutions read as before.
        string bias = (conv.Dilation != 1 ? $"dilation: {Lit(conv.Dilation)}, " : "") +
            (conv.Groups != 1 ? $"groups: {Lit(conv.Groups)}, " : "") +
            $"bias: {Names.BoolLiteral(conv.Bias)})";
        if (!padding.IsSymmetric || padding.IsZero)
        {
            // No padding argument: a literal 0 also converts to TorchSharp's Padding enum, which makes the
            // call ambiguous, and 0 is the default. Asymmetric padding is applied explicitly in forward.
            return head + $"{Lit(conv.KernelSize)}, stride: {Lit(conv.Stride)}, " + bias;
        }

        return padding.Top == padding.Left
            ? head + $"{Lit(conv.KernelSize)}, stride: {Lit(conv.Stride)}, padding: {Lit(padding.Top)}, " + bias
            : head + $"{Pair(conv.KernelSize)}, stride: {Pair(conv.Stride)}, padding: ({Lit(padding.Top)}, {Lit(padding.Left)}), " + bias;
    }

    protected override ForwardStep Forward(Conv2dOp conv, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        var padding = PaddingOf(node, conv.Padding, model, rank: 2);
        string field = "this." + names.Field(node.Id);
        if (padding.IsSymmetric)
        {
            return new ForwardStep($"{field}.forward({x})");
        }

        return new ForwardStep($"{field}.forward({Pad(x, padding)})", AsymmetricNote(padding));
    }

    /// <summary>The note above an explicitly padded convolution (the PyTorch source carries it too).</summary>
    internal static string AsymmetricNote(PaddingPlan padding) =>
        $"Same padding is asymmetric here (top {padding.Top}, bottom {padding.Bottom}, left {padding.Left}, right {padding.Right}): pad explicitly, as Keras does.";
}
