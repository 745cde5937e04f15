using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>repeat</c> with 1 for the batch (a copy, as PyTorch's).</summary>
internal sealed class RepeatTorchSharp : TorchSharpEmitter<RepeatOp>
{
    protected override ForwardStep Forward(RepeatOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{names.Local(node.Inputs[0])}.repeat(new long[] {{ 1, {string.Join(", ", op.Repeats.Select(r => Lit(r)))} }})");
}
