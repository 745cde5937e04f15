using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.pad</c> with zeros (left, right, top, bottom, PyTorch's order), or <c>narrow</c> of rows then columns to crop.</summary>
internal sealed class ZeroPad2dTorchSharp : TorchSharpEmitter<ZeroPad2dOp>
{
    protected override ForwardStep Forward(ZeroPad2dOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        if (!op.Crop)
        {
            return new ForwardStep(Pad(x, new PaddingPlan(op.Top, op.Bottom, op.Left, op.Right)));
        }

        // The kept length of each axis: a literal where the size is known, else the input's size at run time less the crop.
        var output = model.TypeOf(node.Id).Dims;
        string Length(int axis, int cropped) => output[axis].IsKnown ? Lit(output[axis].Value) : $"{x}.shape[{axis + 1}] - {Lit(cropped)}";
        return new ForwardStep($"{x}.narrow(2, {Lit(op.Top)}, {Length(1, op.Top + op.Bottom)}).narrow(3, {Lit(op.Left)}, {Length(2, op.Left + op.Right)})");
    }
}
