using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.adaptive_avg_pool2d</c> to the declared grid.</summary>
internal sealed class AdaptiveAvgPool2dTorchSharp : TorchSharpEmitter<AdaptiveAvgPool2dOp>
{
    protected override ForwardStep Forward(AdaptiveAvgPool2dOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{F}adaptive_avg_pool2d({names.Local(node.Inputs[0])}, new long[] {{ {Lit(op.OutputHeight)}, {Lit(op.OutputWidth)} }})");
}
