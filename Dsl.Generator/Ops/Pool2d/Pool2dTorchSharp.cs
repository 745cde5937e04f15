using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.max_pool2d</c> / <c>avg_pool2d</c>, with Keras' Same padding where declared.</summary>
internal sealed class Pool2dTorchSharp : TorchSharpEmitter<Pool2dOp>
{
    protected override ForwardStep Forward(Pool2dOp pool, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string fn = F + (pool.Pool == PoolKind.Max ? "max_pool2d" : "avg_pool2d");
        string k = Lit(pool.KernelSize);
        string s = Lit(pool.Stride);
        bool avg = pool.Pool == PoolKind.Avg;

        switch (pool.Padding.Mode)
        {
            case PaddingMode.Valid:
                return new ForwardStep($"{fn}({x}, {k}, stride: {s})");

            case PaddingMode.Explicit:
                return new ForwardStep(
                    $"{fn}({x}, {k}, stride: {s}, padding: {Lit(pool.Padding.Amount)})",
                    avg ? "Explicit padding: zeros count in the average (PyTorch's count_include_pad default)." : null);
        }

        var padding = PaddingOf(node, pool.Padding, model, rank: 2);
        if (padding.IsZero)
        {
            return new ForwardStep($"{fn}({x}, {k}, stride: {s})");
        }

        if (padding.Top == 0 && padding.Left == 0)
        {
            // At most one extra row / column at the bottom / right: PyTorch's ceil mode adds exactly that window,
            // clipped at the border (so an average divides by the elements inside).
            return new ForwardStep($"{fn}({x}, {k}, stride: {s}, ceil_mode: true)", "Same padding: ceil mode adds the partial window at the bottom / right, as Keras does.");
        }

        string exclude = avg ? ", count_include_pad: false" : "";
        if (padding.IsSymmetric)
        {
            string? note = avg ? "Same padding; padded zeros do not count in the average, as in Keras." : null;
            return padding.Top == padding.Left
                ? new ForwardStep($"{fn}({x}, {k}, stride: {s}, padding: {Lit(padding.Top)}{exclude})", note)
                : new ForwardStep($"{fn}({x}, {Pair(pool.KernelSize)}, stride: {Pair(pool.Stride)}, padding: ({Lit(padding.Top)}, {Lit(padding.Left)}){exclude})", note);
        }

        if (!avg)
        {
            return new ForwardStep(
                $"{fn}({Pad(x, padding, "double.NegativeInfinity")}, {k}, stride: {s})",
                "Asymmetric Same padding: pad with -infinity, which max pooling never picks.");
        }

        // Average over the elements inside only: the pooled sum of the zero-padded input divided by the pooled
        // count of ones (both are divided by k * k, which cancels).
        return new ForwardStep(
            $"{fn}({Pad(x, padding)}, {k}, stride: {s}) / {fn}({Pad($"{Torch}ones_like({x})", padding)}, {k}, stride: {s})",
            "Asymmetric Same padding: average over the elements inside the input only, as Keras does.");
    }
}
