using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>mean</c> / <c>sum</c> over the axes (made non-negative), or <c>max(dim).values</c>.</summary>
internal sealed class ReduceTorchSharp : TorchSharpEmitter<ReduceOp>
{
    protected override ForwardStep Forward(ReduceOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        var input = model.TypeOf(node.Inputs[0]);
        var axes = op.Dims.Select(d => Lit(Dsl.Generator.Shapes.Axes.NonBatch(d, input)!.Value)).ToList();
        string x = names.Local(node.Inputs[0]);
        string keep = Names.BoolLiteral(op.KeepDim);
        return new(op.Reduction switch
        {
            ReduceKind.Mean => $"{x}.mean(new long[] {{ {string.Join(", ", axes)} }}, {keep})",
            ReduceKind.Sum => $"{x}.sum(new long[] {{ {string.Join(", ", axes)} }}, {keep})",
            _ => $"{x}.max({axes[0]}, {keep}).values",
        });
    }
}
