using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.permute(dims)</c> with the axes made non-negative.</summary>
internal sealed class PermutePyTorch : PyTorchEmitter<PermuteOp>
{
    protected override ForwardStep Forward(PermuteOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.permute({string.Join(", ", PermuteTorchSharp.Axes(op, node, model).Select(d => Int(d)))})");
}
