using System;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Emit;

/// <summary>One statement of <c>forward</c>: the expression a node's local is set to, and an optional note written above it.</summary>
internal sealed record ForwardStep(string Expression, string? Note = null);

/// <summary>
/// The TorchSharp code of each op: for layers (<see cref="Op.IsLayer"/>) the field type and the construction
/// expression, for every op the expression <c>forward</c> computes. Input sizes come from the analysis of the
/// node's first input; the shape rules have already reported every size that is not known where it is needed.
/// Names of TorchSharp 0.107's API are checked by compiling generated code against it (tests/Emit).
/// </summary>
internal static class LayerEmitter
{
    private const string Nn = "global::TorchSharp.torch.nn.";
    private const string F = "global::TorchSharp.torch.nn.functional.";
    private const string Torch = "global::TorchSharp.torch.";

    /// <summary>The field type of a layer op (<c>global::TorchSharp.Modules.Conv2d</c>).</summary>
    public static string FieldType(Op op) => op switch
    {
        Conv2dOp => "global::TorchSharp.Modules.Conv2d",
        LinearOp => "global::TorchSharp.Modules.Linear",
        BatchNormOp { SpatialRank: 2 } => "global::TorchSharp.Modules.BatchNorm2d",
        BatchNormOp => "global::TorchSharp.Modules.BatchNorm1d",
        _ => throw new InvalidOperationException($"{op.Kind} is not a layer with parameters."),
    };

    /// <summary>The expression that constructs a layer with fresh weights, as PyTorch initializes them.</summary>
    public static string Construction(NodeSpec node, AnalyzedModel model)
    {
        switch (node.Op)
        {
            case Conv2dOp conv:
            {
                long inChannels = KnownDim(model, node, 0);
                var padding = PaddingOf(node, conv.Padding, model);
                string head = $"{Nn}Conv2d({Lit(inChannels)}, {Lit(conv.OutChannels)}, ";
                string bias = $"bias: {Names.BoolLiteral(conv.Bias)})";
                if (!padding.IsSymmetric || padding.IsZero)
                {
                    // No padding argument: a literal 0 also converts to TorchSharp's Padding enum, which makes the
                    // call ambiguous, and 0 is the default. Asymmetric padding is applied explicitly in forward.
                    return head + $"{Lit(conv.KernelSize)}, stride: {Lit(conv.Stride)}, " + bias;
                }

                return padding.Top == padding.Left
                    ? head + $"{Lit(conv.KernelSize)}, stride: {Lit(conv.Stride)}, padding: {Lit(padding.Top)}, " + bias
                    : head + $"{Pair(conv.KernelSize)}, stride: {Pair(conv.Stride)}, padding: ({Lit(padding.Top)}, {Lit(padding.Left)}), " + bias;
            }

            case LinearOp linear:
                // in_features is the last dimension, as in PyTorch (the DSL applies Linear to [B, F]).
                return $"{Nn}Linear({Lit(KnownDim(model, node, model.TypeOf(node.Inputs[0]).Dims.Count - 1))}, {Lit(linear.OutFeatures)}, hasBias: {Names.BoolLiteral(linear.Bias)})";

            case BatchNormOp norm:
                // The DSL's momentum follows PyTorch: running = (1 - momentum) * running + momentum * batch statistic.
                return $"{Nn}{norm.Kind}({Lit(KnownDim(model, node, 0))}, eps: {Names.DoubleLiteral(norm.Eps)}, momentum: {Names.DoubleLiteral(norm.Momentum)})";

            default:
                throw new InvalidOperationException($"{node.Op.Kind} is not a layer with parameters.");
        }
    }

    /// <summary>The expression computing <paramref name="node"/> from the locals of its inputs.</summary>
    public static ForwardStep ForwardOf(NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string X(int i) => names.Local(node.Inputs[i]);

        switch (node.Op)
        {
            case InputOp:
                return new ForwardStep($"inputs.{names.InputMember(node.Id)}");

            case Conv2dOp conv:
            {
                var padding = PaddingOf(node, conv.Padding, model);
                string field = "this." + names.Field(node.Id);
                if (padding.IsSymmetric)
                {
                    return new ForwardStep($"{field}.forward({X(0)})");
                }

                return new ForwardStep(
                    $"{field}.forward({Pad(X(0), padding)})",
                    $"Same padding is asymmetric here (top {padding.Top}, bottom {padding.Bottom}, left {padding.Left}, right {padding.Right}): pad explicitly, as Keras does.");
            }

            case LinearOp or BatchNormOp:
                return new ForwardStep($"this.{names.Field(node.Id)}.forward({X(0)})");

            case Pool2dOp pool:
                return PoolOf(node, pool, model, X(0));

            case GlobalAvgPool2dOp:
                return new ForwardStep($"{X(0)}.mean(new long[] {{ 2, 3 }})");

            case UpSample2dOp up:
            {
                string k = Names.DoubleLiteral(up.ScaleFactor);
                return new ForwardStep($"{F}interpolate({X(0)}, scale_factor: new double[] {{ {k}, {k} }}, mode: {Torch}InterpolationMode.Nearest)");
            }

            case FlattenOp:
                return new ForwardStep($"{X(0)}.flatten(1)");

            case ReshapeOp reshape:
                return new ForwardStep($"{X(0)}.reshape({X(0)}.shape[0], {string.Join(", ", reshape.Dims.Select(d => Lit(d)))})");

            case FlipOp flip:
                return new ForwardStep($"{X(0)}.flip({Lit(flip.Dim)})");

            case ActivationOp activation:
                return new ForwardStep(activation.Activation switch
                {
                    ActivationKind.Relu => $"{F}relu({X(0)})",
                    ActivationKind.LeakyRelu => $"{F}leaky_relu({X(0)}, {Names.DoubleLiteral(activation.NegativeSlope)})",
                    ActivationKind.Sigmoid => $"{F}sigmoid({X(0)})",
                    ActivationKind.Tanh => $"{F}tanh({X(0)})",
                    _ => throw new InvalidOperationException($"Unknown activation {activation.Activation}."),
                });

            case SoftmaxOp softmax:
                return new ForwardStep($"{F}{(softmax.Log ? "log_softmax" : "softmax")}({X(0)}, {Lit(softmax.Dim)})");

            case DropoutOp dropout:
                return new ForwardStep($"{F}dropout({X(0)}, {Names.DoubleLiteral(dropout.P)}, this.training)");

            case BinaryOp binary:
                return new ForwardStep($"{X(0)} {binary.Symbol} {X(1)}");

            case ScalarOp scalar:
            {
                string symbol = new BinaryOp(scalar.Operator).Symbol;
                string constant = Names.DoubleLiteral(scalar.Scalar);
                if (scalar.Scalar < 0 || constant.StartsWith("-", StringComparison.Ordinal))
                {
                    constant = "(" + constant + ")";
                }

                return new ForwardStep(scalar.ScalarOnLeft ? $"{constant} {symbol} {X(0)}" : $"{X(0)} {symbol} {constant}");
            }

            case ConcatOp concat:
                return new ForwardStep($"{Torch}cat(new[] {{ {string.Join(", ", node.Inputs.Select(i => names.Local(i)))} }}, {Lit(concat.Dim)})");

            case CosineSimilarityOp:
                return new ForwardStep($"{F}cosine_similarity({X(0)}, {X(1)}, 1).unsqueeze(1)");

            case EuclideanDistanceOp:
                return new ForwardStep(
                    $"({X(0)} - {X(1)}).square().sum(1, keepdim: true).clamp_min(1e-12).sqrt()",
                    "Euclidean distance. Unlike a plain sqrt (and unlike Keras' siamese example, which clamps at 1e-7), the squared sum is clamped at 1e-12 so the gradient stays finite when both inputs are equal.");

            case ApplyOp apply:
            {
                var use = model.Uses[apply.Use];
                var sub = use.Model!;
                string type = "global::" + use.Use.Model;
                string inputs = $"new {type}.Inputs({string.Join(", ", node.Inputs.Select((_, i) => X(i)))})";
                string field = "this." + names.UseField(apply.Use);
                return use.Use.Frozen
                    ? new ForwardStep($"global::Dsl.Modules.Frozen.Run({field}, {inputs})", $"'{use.Use.Name}' is frozen: eval mode, no autograd.")
                    : new ForwardStep($"{field}.forward({inputs})");
            }

            case OutputOfOp output:
            {
                var application = (ApplyOp)model.Spec.Nodes[node.Inputs[0]].Op;
                var sub = model.Uses[application.Use].Model!;
                var declared = sub.Spec.Outputs.Select((o, i) => (o, i)).Where(p => !p.o.ForLoss).ToList();
                int index = output.Output is null ? declared[0].i : declared.First(p => p.o.Name == output.Output).i;
                return new ForwardStep($"{X(0)}.{new MemberNames(sub.Spec).OutputMember(index)}");
            }

            default:
                throw new InvalidOperationException($"The emitter has no rule for {node.Op.Kind} ('{node.Name}').");
        }
    }

    private static ForwardStep PoolOf(NodeSpec node, Pool2dOp pool, AnalyzedModel model, string x)
    {
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

        var padding = PaddingOf(node, pool.Padding, model);
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

    /// <summary>The explicit padding of a convolution or pooling node: the analysis' plan, or the declared amount.</summary>
    private static PaddingPlan PaddingOf(NodeSpec node, PaddingSpec declared, AnalyzedModel model)
    {
        if (model.Nodes[node.Id].Padding is { } plan)
        {
            return plan;
        }

        return declared.Mode switch
        {
            PaddingMode.Valid => PaddingPlan.None,
            PaddingMode.Explicit => new PaddingPlan(declared.Amount, declared.Amount, declared.Amount, declared.Amount),
            _ => throw new InvalidOperationException($"'{node.Name}': shape inference left its Same padding unresolved."),
        };
    }

    /// <summary>A size of the node's first input that the layer's construction needs (<c>in_channels</c>, <c>in_features</c>).</summary>
    private static long KnownDim(AnalyzedModel model, NodeSpec node, int index)
    {
        var type = model.TypeOf(node.Inputs[0]);
        if (index >= type.Dims.Count || !type.Dims[index].IsKnown)
        {
            throw new InvalidOperationException($"'{node.Name}' ({node.Op.Kind}) needs a known size at dimension {index + 1} of its input {type.ShapeText}.");
        }

        return type.Dims[index].Value;
    }

    /// <summary><c>functional.pad</c> in PyTorch's order for the last two dimensions: left, right, top, bottom.</summary>
    private static string Pad(string x, PaddingPlan padding, string? value = null) =>
        $"{F}pad({x}, new long[] {{ {Lit(padding.Left)}, {Lit(padding.Right)}, {Lit(padding.Top)}, {Lit(padding.Bottom)} }}" +
        (value is null ? ")" : $", value: {value})");

    private static string Pair(int value) => $"({Lit(value)}, {Lit(value)})";

    private static string Lit(long value) => Names.IntLiteral(value);
}
