using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.max_pool1d/2d</c> / <c>avg_pool1d/2d</c>, with Keras' Same padding where declared (<see cref="PoolPadding"/>).</summary>
internal sealed class PoolTorchSharp : TorchSharpEmitter<PoolOp>
{
    protected override ForwardStep Forward(PoolOp pool, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        int rank = pool.SpatialRank;
        string fn = F + (pool.Pool == PoolKind.Max ? "max_pool" : "avg_pool") + rank + "d";
        var padding = PoolPadding.Of(pool, node, model);
        var plan = padding.Plan;

        // One literal where every axis agrees, tuples otherwise (the 1-D functions take single values only).
        bool tuple = rank > 1 && (!pool.IsUniform || (plan.IsSymmetric && plan.Before.Distinct().Count() > 1));
        string k = Axes(pool.KernelSize, tuple);
        string s = Axes(pool.Stride, tuple);
        string exclude = pool.Pool == PoolKind.Avg ? ", count_include_pad: false" : "";
        string ceil = pool.CeilMode ? ", ceil_mode: true" : "";
        return new ForwardStep(padding.Kind switch
        {
            PoolPaddingKind.None => $"{fn}({x}, {k}, stride: {s}{ceil})",
            PoolPaddingKind.Explicit => $"{fn}({x}, {k}, stride: {s}, padding: {Axes(plan.Before, tuple)}{ceil})",
            PoolPaddingKind.CeilMode => $"{fn}({x}, {k}, stride: {s}, ceil_mode: true)",
            PoolPaddingKind.Symmetric => $"{fn}({x}, {k}, stride: {s}, padding: {Axes(plan.Before, tuple)}{exclude})",
            _ when pool.Pool == PoolKind.Max => $"{fn}({Pad(x, plan, "double.NegativeInfinity")}, {k}, stride: {s})",
            _ => $"{fn}({Pad(x, plan)}, {k}, stride: {s}) / {fn}({Pad($"{Torch}ones_like({x})", plan)}, {k}, stride: {s})",
        }, padding.Note);
    }
}
