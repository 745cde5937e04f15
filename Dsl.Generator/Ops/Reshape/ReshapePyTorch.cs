using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>reshape</c> keeping the batch, to the inferred sizes (a -1 as written is emitted as the size it stands for).</summary>
internal sealed class ReshapePyTorch : PyTorchEmitter<ReshapeOp>
{
    protected override ForwardStep Forward(ReshapeOp reshape, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new ForwardStep($"{x}.reshape({x}.shape[0], {string.Join(", ", System.Linq.Enumerable.Select(model.TypeOf(node.Id).Dims, d => Int(d.Value)))})");
    }
}
