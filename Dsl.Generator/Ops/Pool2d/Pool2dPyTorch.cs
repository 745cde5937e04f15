using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.max_pool2d</c> / <c>F.avg_pool2d</c>, with Keras' Same padding where declared (ceil mode, or explicit padding).</summary>
internal sealed class Pool2dPyTorch : PyTorchEmitter<Pool2dOp>
{
    protected override ForwardStep Forward(Pool2dOp pool, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string fn = pool.Pool == PoolKind.Max ? "F.max_pool2d" : "F.avg_pool2d";
        string k = Int(pool.KernelSize);
        string s = Int(pool.Stride);
        bool avg = pool.Pool == PoolKind.Avg;
        if (pool.Padding.Mode == PaddingMode.Explicit)
        {
            return new ForwardStep($"{fn}({x}, {k}, stride={s}, padding={Int(pool.Padding.Amount)})", avg ? "Explicit padding: zeros count in the average (PyTorch's count_include_pad default)." : null);
        }

        var padding = TorchSharpCode.PaddingOf(node, pool.Padding, model, rank: 2);
        if (padding.IsZero)
        {
            return new ForwardStep($"{fn}({x}, {k}, stride={s})");
        }

        if (padding.Top == 0 && padding.Left == 0)
        {
            return new ForwardStep($"{fn}({x}, {k}, stride={s}, ceil_mode=True)", "Same padding: ceil mode adds the partial window at the bottom / right, as Keras does.");
        }

        string exclude = avg ? ", count_include_pad=False" : "";
        if (padding.IsSymmetric)
        {
            string pad = padding.Top == padding.Left ? Int(padding.Top) : Tuple(new long[] { padding.Top, padding.Left });
            return new ForwardStep($"{fn}({x}, {k}, stride={s}, padding={pad}{exclude})", avg ? "Same padding; padded zeros do not count in the average, as in Keras." : null);
        }

        return avg
            ? new ForwardStep($"{fn}({Pad(x, padding)}, {k}, stride={s}) / {fn}({Pad($"torch.ones_like({x})", padding)}, {k}, stride={s})", "Asymmetric Same padding: average over the elements inside the input only, as Keras does.")
            : new ForwardStep($"{fn}({Pad(x, padding, "float(\"-inf\")")}, {k}, stride={s})", "Asymmetric Same padding: pad with -infinity, which max pooling never picks.");
    }
}
