using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.max_pool2d</c> / <c>F.avg_pool2d</c>, with Keras' Same padding where declared (<see cref="PoolPadding"/>).</summary>
internal sealed class Pool2dPyTorch : PyTorchEmitter<Pool2dOp>
{
    protected override ForwardStep Forward(Pool2dOp pool, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string fn = pool.Pool == PoolKind.Max ? "F.max_pool2d" : "F.avg_pool2d";
        string k = Int(pool.KernelSize);
        string s = Int(pool.Stride);
        bool avg = pool.Pool == PoolKind.Avg;
        var padding = PoolPadding.Of(pool, node, model);
        var plan = padding.Plan;
        string exclude = avg ? ", count_include_pad=False" : "";
        return new ForwardStep(padding.Kind switch
        {
            PoolPaddingKind.None => $"{fn}({x}, {k}, stride={s})",
            PoolPaddingKind.Explicit => $"{fn}({x}, {k}, stride={s}, padding={Int(pool.Padding.Amount)})",
            PoolPaddingKind.CeilMode => $"{fn}({x}, {k}, stride={s}, ceil_mode=True)",
            PoolPaddingKind.Symmetric when plan.Top == plan.Left => $"{fn}({x}, {k}, stride={s}, padding={Int(plan.Top)}{exclude})",
            PoolPaddingKind.Symmetric => $"{fn}({x}, {k}, stride={s}, padding={Tuple(new long[] { plan.Top, plan.Left })}{exclude})",
            _ when avg => $"{fn}({Pad(x, plan)}, {k}, stride={s}) / {fn}({Pad($"torch.ones_like({x})", plan)}, {k}, stride={s})",
            _ => $"{fn}({Pad(x, plan, "float(\"-inf\")")}, {k}, stride={s})",
        }, padding.Note);
    }
}
