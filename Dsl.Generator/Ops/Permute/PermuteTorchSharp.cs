using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.permute(dims)</c> with the axes made non-negative.</summary>
internal sealed class PermuteTorchSharp : TorchSharpEmitter<PermuteOp>
{
    protected override ForwardStep Forward(PermuteOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        int rank = model.TypeOf(node.Inputs[0]).Rank;
        return new($"{names.Local(node.Inputs[0])}.permute({string.Join(", ", op.Dims.Select(d => Lit(Shapes.Axes.FromFront(d, rank))))})");
    }
}
