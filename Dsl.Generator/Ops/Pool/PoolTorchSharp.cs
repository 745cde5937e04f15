using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.max_pool1d/2d</c> / <c>avg_pool1d/2d</c>, with Keras' Same padding where declared.</summary>
internal sealed class PoolTorchSharp : TorchSharpEmitter<PoolOp>
{
    protected override ForwardStep Forward(PoolOp pool, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        int rank = pool.SpatialRank;
        string fn = F + (pool.Pool == PoolKind.Max ? "max_pool" : "avg_pool") + rank + "d";
        bool avg = pool.Pool == PoolKind.Avg;
        var padding = PaddingOf(node, pool.Padding, model, rank);

        // One literal where every axis agrees, tuples otherwise (the 1-D functions take single values only).
        bool tuple = rank > 1 && (!pool.IsUniform || (padding.IsSymmetric && padding.Before.Distinct().Count() > 1));
        string k = Axes(pool.KernelSize, tuple);
        string s = Axes(pool.Stride, tuple);

        switch (pool.Padding.Mode)
        {
            case PaddingMode.Valid:
                return new ForwardStep($"{fn}({x}, {k}, stride: {s})");

            case PaddingMode.Explicit:
                return new ForwardStep(
                    $"{fn}({x}, {k}, stride: {s}, padding: {Axes(padding.Before, tuple)})",
                    avg ? "Explicit padding: zeros count in the average (PyTorch's count_include_pad default)." : null);
        }

        if (padding.IsZero)
        {
            return new ForwardStep($"{fn}({x}, {k}, stride: {s})");
        }

        if (padding.Before.All(p => p == 0))
        {
            // At most one extra element at the end of an axis: PyTorch's ceil mode adds exactly that window,
            // clipped at the border (so an average divides by the elements inside).
            return new ForwardStep($"{fn}({x}, {k}, stride: {s}, ceil_mode: true)", "Same padding: ceil mode adds the partial window at the bottom / right, as Keras does.");
        }

        string exclude = avg ? ", count_include_pad: false" : "";
        if (padding.IsSymmetric)
        {
            string? note = avg ? "Same padding; padded zeros do not count in the average, as in Keras." : null;
            return new ForwardStep($"{fn}({x}, {k}, stride: {s}, padding: {Axes(padding.Before, tuple)}{exclude})", note);
        }

        if (!avg)
        {
            return new ForwardStep(
                $"{fn}({Pad(x, padding, "double.NegativeInfinity")}, {k}, stride: {s})",
                "Asymmetric Same padding: pad with -infinity, which max pooling never picks.");
        }

        // Average over the elements inside only: the pooled sum of the zero-padded input divided by the pooled
        // count of ones (both are divided by the window's size, which cancels).
        return new ForwardStep(
            $"{fn}({Pad(x, padding)}, {k}, stride: {s}) / {fn}({Pad($"{Torch}ones_like({x})", padding)}, {k}, stride: {s})",
            "Asymmetric Same padding: average over the elements inside the input only, as Keras does.");
    }
}
