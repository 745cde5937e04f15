using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.permute(dims)</c> with the axes made non-negative.</summary>
internal sealed class PermutePyTorch : PyTorchEmitter<PermuteOp>
{
    protected override ForwardStep Forward(PermuteOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        int rank = model.TypeOf(node.Inputs[0]).Rank;
        return new($"{names.Local(node.Inputs[0])}.permute({string.Join(", ", op.Dims.Select(d => Int(Shapes.Axes.FromFront(d, rank))))})");
    }
}
