using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.max_pool2d</c> / <c>avg_pool2d</c>, with Keras' Same padding where declared (<see cref="PoolPadding"/>).</summary>
internal sealed class Pool2dTorchSharp : TorchSharpEmitter<Pool2dOp>
{
    protected override ForwardStep Forward(Pool2dOp pool, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string fn = F + (pool.Pool == PoolKind.Max ? "max_pool2d" : "avg_pool2d");
        string k = Lit(pool.KernelSize);
        string s = Lit(pool.Stride);
        bool avg = pool.Pool == PoolKind.Avg;
        var padding = PoolPadding.Of(pool, node, model);
        var plan = padding.Plan;
        string exclude = avg ? ", count_include_pad: false" : "";
        return new ForwardStep(padding.Kind switch
        {
            PoolPaddingKind.None => $"{fn}({x}, {k}, stride: {s})",
            PoolPaddingKind.Explicit => $"{fn}({x}, {k}, stride: {s}, padding: {Lit(pool.Padding.Amount)})",
            PoolPaddingKind.CeilMode => $"{fn}({x}, {k}, stride: {s}, ceil_mode: true)",
            PoolPaddingKind.Symmetric when plan.Top == plan.Left => $"{fn}({x}, {k}, stride: {s}, padding: {Lit(plan.Top)}{exclude})",
            PoolPaddingKind.Symmetric => $"{fn}({x}, {Pair(pool.KernelSize)}, stride: {Pair(pool.Stride)}, padding: ({Lit(plan.Top)}, {Lit(plan.Left)}){exclude})",
            _ when avg => $"{fn}({Pad(x, plan)}, {k}, stride: {s}) / {fn}({Pad($"{Torch}ones_like({x})", plan)}, {k}, stride: {s})",
            _ => $"{fn}({Pad(x, plan, "double.NegativeInfinity")}, {k}, stride: {s})",
        }, padding.Note);
    }
}
