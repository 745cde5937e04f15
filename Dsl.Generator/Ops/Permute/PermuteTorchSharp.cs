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
        return new($"{names.Local(node.Inputs[0])}.permute({string.Join(", ", Axes(op, node, model).Select(d => Lit(d)))})");
    }

    /// <summary>The new order of the axes, each made non-negative (the PyTorch emitter's too).</summary>
    internal static System.Collections.Generic.IEnumerable<int> Axes(PermuteOp op, NodeSpec node, AnalyzedModel model)
    {
        int rank = model.TypeOf(node.Inputs[0]).Rank;
        return op.Dims.Select(d => d < 0 ? rank + d : d);
    }
}
