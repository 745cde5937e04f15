using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>reshape</c> keeping the batch.</summary>
internal sealed class ReshapeTorchSharp : TorchSharpEmitter<ReshapeOp>
{
    protected override ForwardStep Forward(ReshapeOp reshape, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        // The inferred sizes, not the -1 as written: the shape comment and the code say the same.
        return new ForwardStep($"{x}.reshape({x}.shape[0], {string.Join(", ", System.Linq.Enumerable.Select(model.TypeOf(node.Id).Dims, d => Lit(d.Value)))})");
    }
}
