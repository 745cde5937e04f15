using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Every op the seeds do not use, in the forms whose ONNX translation differs: Same padding that is asymmetric
/// (odd sizes, stride 2; max pooling too), ceil-mode pooling, explicit padding counted in averages, dilation and groups, BatchNorm1d,
/// both LayerNorms, every element-wise function, scalars on either side, a shared block applied twice, a submodel with
/// two outputs, cosine similarity and Euclidean distance.
/// </summary>
[Model]
public partial class EveryOp
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 4, 17, 15);
        var a = image.Conv2d(8, 3, stride: 2, padding: Padding.Same).BatchNorm2d().LeakyRelu(0.1);                      // [8, 9, 8]
        var b = image.Conv2d(8, 3, padding: 2, dilation: 2, bias: false, groups: 2).Elu(0.5).AvgPool2d(3, stride: 2, padding: Padding.Same);
        var c = image.MaxPool2d(4, stride: 2, padding: Padding.Same).Conv2d(8, 1).Selu();
        var d = image.AvgPool2d(2, padding: Padding.Same).UpSample2d(2).Conv2d(8, 3, stride: 2, padding: Padding.Same).Gelu();
        var e = image.MaxPool2d(2, padding: Padding.Same).Conv2d(8, 1).Hardswish();
        var f = image.AvgPool2d(3, stride: 2, padding: 1).Conv2d(8, 1).Silu();
        var merged = Ops.Concat(1, a, b, c, d, e, f);                                                                      // [48, 9, 8]
        var mixed = (merged.Mish() + merged.Softplus(2.0)) * merged.Relu6() - merged.Softplus();

        var sequence = mixed.Flip(3).Reshape(48, 72).LayerNorm().LayerNorm(2, affine: false);                             // [48, 72]
        var flat = sequence.Flatten().Dropout(0.3);
        var project = g.Block("proj", x => x.Linear(32).Tanh());
        var p1 = project.Apply(flat);
        var p2 = project.Apply(0.5 * flat - 1.0);
        var heads = g.Use<TwoHeads>("heads").ApplyAll(p1);
        var pooled = merged.GlobalAvgPool2d().BatchNorm1d().Linear(10, bias: false);

        g.Output("probabilities", (heads["first"] + pooled).Softmax());
        g.Output("log_probabilities", heads["second"].LogSoftmax(-1));
        g.Output("similarity", Ops.CosineSimilarity(p1, p2) - Ops.EuclideanDistance(p1, p2));
        g.Output("functions", p1.Abs().Sqrt() + p2.Sigmoid().Log() + (1 - p1).Exp() * -p2);
    }
}

/// <summary>A submodel with two outputs, applied once (through ApplyAll).</summary>
[Model]
public partial class TwoHeads
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 32);
        g.Output("first", x.Linear(10));
        g.Output("second", x.Linear(10).Relu() - x.Linear(10));
    }
}

/// <summary>A symbolic size (T) through LayerNorm, Softmax, Flip and Concat: the graph keeps it as the named dimension T.</summary>
[Model]
public partial class TokenMixer
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", Dim.Of("T"), 16);
        var normalized = tokens.LayerNorm().Softmax(-1);
        g.Output("mixed", Ops.Concat(-1, normalized, tokens.Flip(1)).Tanh());
    }
}
