using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.stack</c> of the operands.</summary>
internal sealed class StackTorchSharp : TorchSharpEmitter<StackOp>
{
    protected override ForwardStep Forward(StackOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{Torch}stack(new[] {{ {string.Join(", ", node.Inputs.Select(i => names.Local(i)))} }}, {Lit(op.Dim)})");
}
