using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>arange</c> of the axis' size at run time, on x's device.</summary>
internal sealed class PositionsTorchSharp : TorchSharpEmitter<PositionsOp>
{
    protected override ForwardStep Forward(PositionsOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new($"{Torch}arange({x}.size({Lit(op.Axis)}), dtype: {Torch}int64, device: {x}.device).unsqueeze(0)");
    }
}
