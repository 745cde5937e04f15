using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>TorchSharp's <c>unflatten</c> with the sizes as written (a -1 inferred by TorchSharp too); the axis counted from the front, as TorchSharp needs it.</summary>
internal sealed class UnflattenTorchSharp : TorchSharpEmitter<UnflattenOp>
{
    protected override ForwardStep Forward(UnflattenOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        long axis = Dsl.Generator.Shapes.AxisRange.Resolve(op.Dim, model.TypeOf(node.Inputs[0]).Rank);
        return new($"{names.Local(node.Inputs[0])}.unflatten({Names.IntLiteral(axis)}, new long[] {{ {string.Join(", ", op.Sizes.Select(s => Names.IntLiteral(s)))} }})");
    }
}
