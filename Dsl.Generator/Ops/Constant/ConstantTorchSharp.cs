using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>The constant, made in <c>forward</c> on the device of the model's first input.</summary>
internal sealed class ConstantTorchSharp : TorchSharpEmitter<ConstantOp>
{
    protected override ForwardStep Forward(ConstantOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string shape = "new long[] { " + string.Join(", ", op.Shape.Select(Lit)) + " }";
        string device = model.Spec.Nodes.FirstOrDefault(n => n.Op is InputOp) is { } input ? $", device: inputs.{names.InputMember(input.Id)}.device" : "";
        string float32 = $"dtype: {Torch}float32";
        return new(op.Fill switch
        {
            ConstantFill.Zeros => $"{Torch}zeros({shape}, {float32}{device})",
            ConstantFill.Ones => $"{Torch}ones({shape}, {float32}{device})",
            ConstantFill.Full => $"{Torch}full({shape}, {Names.DoubleLiteral(op.Value)}, {float32}{device})",
            _ => $"{Torch}eye({Lit(op.Dims[0])}, {float32}{device}).unsqueeze(0)",
        });
    }
}
