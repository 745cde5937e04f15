using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>clamp</c> with the declared bounds (an open bound is left out).</summary>
internal sealed class ClampPyTorch : PyTorchEmitter<ClampOp>
{
    protected override ForwardStep Forward(ClampOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var bounds = new[] { op.Min is double min ? $"min={Float(min)}" : null, op.Max is double max ? $"max={Float(max)}" : null }.Where(b => b is not null);
        return new($"{names.Local(node.Inputs[0])}.clamp({string.Join(", ", bounds)})");
    }
}
