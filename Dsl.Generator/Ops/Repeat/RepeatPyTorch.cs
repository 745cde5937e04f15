using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>repeat</c> with 1 for the batch.</summary>
internal sealed class RepeatPyTorch : PyTorchEmitter<RepeatOp>
{
    protected override ForwardStep Forward(RepeatOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.repeat(1, {string.Join(", ", op.Repeats.Select(r => Int(r)))})");
}
