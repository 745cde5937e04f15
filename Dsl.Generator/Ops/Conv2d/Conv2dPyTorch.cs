using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.Conv2d</c> module; asymmetric Same padding is applied explicitly with <c>F.pad</c> in forward.</summary>
internal sealed class Conv2dPyTorch : PyTorchEmitter<Conv2dOp>
{
    protected override string Module(Conv2dOp conv, NodeSpec node, AnalyzedModel model)
    {
        var padding = TorchSharpCode.PaddingOf(node, conv.Padding, model, rank: 2);
        string pad = !padding.IsSymmetric || padding.IsZero ? "" : padding.Top == padding.Left ? $", padding={Int(padding.Top)}" : $", padding={Tuple(new long[] { padding.Top, padding.Left })}";
        string dilation = conv.Dilation != 1 ? $", dilation={Int(conv.Dilation)}" : "";
        string groups = conv.Groups != 1 ? $", groups={Int(conv.Groups)}" : "";
        return $"nn.Conv2d({Int(TorchSharpCode.KnownDim(model, node, 0))}, {Int(conv.OutChannels)}, {Int(conv.KernelSize)}, stride={Int(conv.Stride)}{pad}{dilation}{groups}, bias={Bool(conv.Bias)})";
    }

    protected override ForwardStep Forward(Conv2dOp conv, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        var padding = TorchSharpCode.PaddingOf(node, conv.Padding, model, rank: 2);
        return padding.IsSymmetric
            ? new ForwardStep($"{names.Layer(node.Id)}({x})")
            : new ForwardStep($"{names.Layer(node.Id)}({Pad(x, padding)})", Conv2dTorchSharp.AsymmetricNote(padding));
    }
}
