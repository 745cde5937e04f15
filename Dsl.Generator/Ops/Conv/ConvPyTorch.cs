using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// An <c>nn.Conv1d/2d/3d</c> or <c>nn.ConvTranspose1d/2d</c> module (PyTorch's applies a per-axis output padding
/// itself); asymmetric Same padding of a convolution is applied explicitly with <c>F.pad</c> in forward.
/// </summary>
internal sealed class ConvPyTorch : PyTorchEmitter<ConvOp>
{
    protected override string Module(ConvOp conv, NodeSpec node, AnalyzedModel model)
    {
        var axes = Enumerable.Range(0, conv.SpatialRank).ToList();
        var padding = conv.Transposed
            ? axes.Select(a => conv.TransposedPadding(a).Padding).ToList()
            : NodeLowering.PaddingOf(node, conv.Padding, model, conv.SpatialRank) is { IsSymmetric: true } plan ? plan.Before.ToList() : axes.Select(_ => 0).ToList();
        var outputPadding = ConvTorchSharp.OutputPadding(conv);
        string text = $"nn.{conv.Kind}({Int(NodeLowering.KnownDim(model, node, 0))}, {Int(conv.OutChannels)}, {Axes(conv.KernelSize)}, stride={Axes(conv.Stride)}";
        if (padding.Any(p => p != 0))
        {
            text += $", padding={Axes(padding)}";
        }

        if (outputPadding.Any(p => p != 0))
        {
            text += $", output_padding={Axes(outputPadding)}";
        }

        if (conv.Dilation.Any(d => d != 1))
        {
            text += $", dilation={Axes(conv.Dilation)}";
        }

        if (conv.Groups != 1)
        {
            text += $", groups={Int(conv.Groups)}";
        }

        return text + $", bias={Bool(conv.Bias)})";
    }

    protected override ForwardStep Forward(ConvOp conv, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string layer = names.Layer(node.Id);
        return conv.Transposed || NodeLowering.PaddingOf(node, conv.Padding, model, conv.SpatialRank) is not { IsSymmetric: false } padding
            ? new ForwardStep($"{layer}({x})")
            : new ForwardStep($"{layer}({Pad(x, padding)})", ConvTorchSharp.AsymmetricNote(padding));
    }
}
