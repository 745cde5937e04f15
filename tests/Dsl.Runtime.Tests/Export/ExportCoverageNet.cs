using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// A network that uses every op the seed models leave out, for the PyTorch parity test: asymmetric Same padding of a
/// strided convolution, max and average pooling (ceil mode and explicit padding), grouped and dilated convolution,
/// both batch norms, layer norm, a shared block applied twice, up-sampling, reshape, concat, flip, every activation,
/// softmax / log-softmax, scalar and tensor arithmetic, cosine similarity, and the loss kinds the seeds do not use; two
/// layers are named as Python cannot name an attribute (a keyword, an <c>nn.Module</c> member) yet keep their state-dict names.
/// </summary>
[Model]
[PyTorchParity]
public partial class ExportCoverageNet
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 3, 15, 15);
        var features = g.Input("features", 12);

        var stem = image.Conv2d(8, 4, stride: 2, padding: Padding.Same, name: "lambda").BatchNorm2d().Relu6(); // [8, 8, 8]
        var depthwise = stem.Conv2d(8, 3, padding: Padding.Same, groups: 8, dilation: 2).Gelu();         // [8, 8, 8]
        var maxed = depthwise.MaxPool2d(3, stride: 2, padding: Padding.Same).Hardswish();               // [8, 4, 4]
        var averaged = image.AvgPool2d(3, stride: 2, padding: Padding.Same).Mish();                      // [3, 8, 8]
        var maxedOdd = image.MaxPool2d(4, stride: 2, padding: Padding.Same);                            // [3, 8, 8]
        var padded = averaged.AvgPool2d(3, stride: 1, padding: 1).Softplus(2.0);                        // [3, 8, 8]
        var upsampled = (maxed + depthwise.AvgPool2d(3, stride: 2, padding: Padding.Same)).UpSample2d(2).Tanh(); // [8, 8, 8]
        var pooled = Ops.Concat(1, upsampled, padded, maxedOdd.Selu()).GlobalAvgPool2d();                // [19]

        var block = g.Block("proj", x => x.Linear(16).LayerNorm().Silu());
        var a = block.Apply(features);
        var b = block.Apply(features.Flip(1) * 0.5);
        var mixed = Ops.Concat(-1, a - b, pooled.Linear(16, name: "ipu").BatchNorm1d().Elu(0.7));                    // [32]
        var logits = mixed.Linear(5, name: "head").LeakyRelu(0.2);
        var scores = mixed.Reshape(4, -1).LogSoftmax(-1).Exp().Softmax(1).Flatten();                    // [32]
        var flags = (a * b).Linear(4).Sigmoid();
        var similarity = Ops.CosineSimilarity(a, b);
        var energy = ((1 - similarity).Abs() + 1.0).Log().Sqrt() + -similarity * 0.1;

        g.Output("logits", logits);
        g.Output("scores", scores);
        g.Output("flags", flags);
        g.Output("energy", energy);
        g.Loss("soft", logits, Loss.CrossEntropy(soft: true), weight: 0.5);
        g.Loss("scores_target", scores, Loss.Mae(), weight: 2.0).MaskedBy("keep");
        g.Loss("flag_target", flags, Loss.BinaryCrossEntropy());
        g.Loss("flag_logits", logits, Loss.BinaryCrossEntropyWithLogits(), weight: 0.25);
        g.Minimize("energy_term", energy, weight: 0.1);
    }
}
