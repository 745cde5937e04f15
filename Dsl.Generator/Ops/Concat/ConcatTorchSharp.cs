using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.cat</c> of the operands.</summary>
internal sealed class ConcatTorchSharp : TorchSharpEmitter<ConcatOp>
{
    protected override ForwardStep Forward(ConcatOp concat, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{Torch}cat(new[] {{ {string.Join(", ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i)))} }}, {Lit(concat.Dim)})");
}
