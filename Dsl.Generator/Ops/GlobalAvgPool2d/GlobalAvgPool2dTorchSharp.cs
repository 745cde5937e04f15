using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>The mean over the last two dimensions.</summary>
internal sealed class GlobalAvgPool2dTorchSharp : TorchSharpEmitter<GlobalAvgPool2dOp>
{
    protected override ForwardStep Forward(GlobalAvgPool2dOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{names.Local(node.Inputs[0])}.mean(new long[] {{ 2, 3 }})");
}
