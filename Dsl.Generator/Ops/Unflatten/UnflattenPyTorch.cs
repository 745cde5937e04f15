using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>x.unflatten(dim, (sizes...))</c>.</summary>
internal sealed class UnflattenPyTorch : PyTorchEmitter<UnflattenOp>
{
    protected override ForwardStep Forward(UnflattenOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.unflatten({Int(op.Dim)}, ({string.Join(", ", op.Sizes.Select(s => Int(s)))},))");
}
