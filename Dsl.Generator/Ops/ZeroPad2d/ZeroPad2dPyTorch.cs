using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.pad</c> with zeros (left, right, top, bottom), or slicing of rows and columns to crop.</summary>
internal sealed class ZeroPad2dPyTorch : PyTorchEmitter<ZeroPad2dOp>
{
    protected override ForwardStep Forward(ZeroPad2dOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        if (!op.Crop)
        {
            return new ForwardStep(Pad(x, new PaddingPlan(op.Top, op.Bottom, op.Left, op.Right)));
        }

        // A negative end counts from the back; no end where nothing is cropped at that side.
        string Range(int before, int after) => after == 0 ? $"{Int(before)}:" : $"{Int(before)}:{Int(-after)}";
        return new ForwardStep($"{x}[:, :, {Range(op.Top, op.Bottom)}, {Range(op.Left, op.Right)}]");
    }
}
