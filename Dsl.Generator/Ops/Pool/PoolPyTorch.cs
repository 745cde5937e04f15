using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.max_pool1d/2d</c> / <c>F.avg_pool1d/2d</c>, with Keras' Same padding where declared (<see cref="PoolPadding"/>).</summary>
internal sealed class PoolPyTorch : PyTorchEmitter<PoolOp>
{
    protected override ForwardStep Forward(PoolOp pool, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string fn = "F." + (pool.Pool == PoolKind.Max ? "max_pool" : "avg_pool") + pool.SpatialRank + "d";
        string k = Axes(pool.KernelSize);
        string s = Axes(pool.Stride);
        var padding = PoolPadding.Of(pool, node, model);
        var plan = padding.Plan;
        string exclude = pool.Pool == PoolKind.Avg ? ", count_include_pad=False" : "";
        string ceil = pool.CeilMode ? ", ceil_mode=True" : "";
        return new ForwardStep(padding.Kind switch
        {
            PoolPaddingKind.None => $"{fn}({x}, {k}, stride={s}{ceil})",
            PoolPaddingKind.Explicit => $"{fn}({x}, {k}, stride={s}, padding={Axes(plan.Before)}{ceil})",
            PoolPaddingKind.CeilMode => $"{fn}({x}, {k}, stride={s}, ceil_mode=True)",
            PoolPaddingKind.Symmetric => $"{fn}({x}, {k}, stride={s}, padding={Axes(plan.Before)}{exclude})",
            _ when pool.Pool == PoolKind.Max => $"{fn}({Pad(x, plan, "float(\"-inf\")")}, {k}, stride={s})",
            _ => $"{fn}({Pad(x, plan)}, {k}, stride={s}) / {fn}({Pad($"torch.ones_like({x})", plan)}, {k}, stride={s})",
        }, padding.Note);
    }
}
