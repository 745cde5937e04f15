using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>mean</c> / <c>sum</c> over the axes (made non-negative), or <c>max(dim).values</c>.</summary>
internal sealed class ReducePyTorch : PyTorchEmitter<ReduceOp>
{
    protected override ForwardStep Forward(ReduceOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var input = model.TypeOf(node.Inputs[0]);
        var axes = op.Dims.Select(d => (long)Dsl.Generator.Shapes.Axes.NonBatch(d, input)!.Value).ToList();
        string x = names.Local(node.Inputs[0]);
        string keep = $"keepdim={Bool(op.KeepDim)}";
        return new(op.Reduction switch
        {
            ReduceKind.Mean => $"{x}.mean({Tuple(axes)}, {keep})",
            ReduceKind.Sum => $"{x}.sum({Tuple(axes)}, {keep})",
            _ => $"{x}.max({Int(axes[0])}, {keep}).values",
        });
    }
}
