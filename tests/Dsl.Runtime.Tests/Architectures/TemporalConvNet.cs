using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A WaveNet-style temporal convolution network (van den Oord et al. 2016; Bai et al. 2018's TCN), written as its
/// reference code reads: a causal input convolution, then residual blocks of a dilated causal convolution (dilation 1,
/// 2, 4, 8) with WaveNet's gated activation tanh(filter) x sigmoid(gate) and a 1x1 convolution back to the residual
/// width (but the last block's, which nothing reads), skip connections summed into a 1x1 head that predicts the next sample at every step. Every convolution is
/// <c>Padding.Causal</c>, so the length is kept and step t sees only samples up to t (receptive field 1 + 1 + 1 + 2 + 4 + 8 = 17).
/// </summary>
[Model]
[PyTorchParity]
public partial class TemporalConvNet
{
    /// <summary>Dilations of the residual blocks.</summary>
    public static readonly int[] Dilations = { 1, 2, 4, 8 };

    static void Define(Graph g)
    {
        const int residual = 16, gated = 16, skip = 32;
        var audio = g.Input("audio", 1, Dim.Of("T"));                                              // [B, 1, T]
        var x = audio.Conv1d(residual, 2, padding: Padding.Causal, name: "causal");               // [B, 16, T]
        Node? skips = null;
        for (int i = 0; i < Dilations.Length; i++)
        {
            var h = x.Conv1d(2 * gated, 2, padding: Padding.Causal, dilation: Dilations[i], name: $"blocks.{i}.dilated");   // [B, 32, T]
            var z = h.Slice(1, 0, gated).Tanh() * h.Slice(1, gated, 2 * gated).Sigmoid();           // [B, 16, T]
            if (i < Dilations.Length - 1)
            {
                x = x + z.Conv1d(residual, 1, name: $"blocks.{i}.residual");   // the last block feeds only the skips
            }

            var s = z.Conv1d(skip, 1, name: $"blocks.{i}.skip");
            skips = skips is null ? s : skips + s;
        }

        g.Output("next", skips!.Relu().Conv1d(skip, 1, name: "head.0").Relu().Conv1d(1, 1, name: "head.1"));   // [B, 1, T]
    }
}

/// <summary>PyTorch's constant paddings in its argument order: ZeroPad1d (both ends, then left only), ConstantPad1d, ConstantPad2d.</summary>
[Model]
[PyTorchParity]
public partial class PaddedSignals
{
    static void Define(Graph g)
    {
        var signal = g.Input("signal", 3, Dim.Of("L"));                                           // [B, 3, L]
        var image = g.Input("image", 2, 5, 6);                                                    // [B, 2, 5, 6]
        g.Output("zero", signal.ZeroPad1d(2).ZeroPad1d((3, 0)).Conv1d(4, 3, name: "conv"));    // [B, 4, L + 5]
        g.Output("constant", signal.ConstantPad1d((1, 2), -0.5));                                // [B, 3, L + 3]
        g.Output("padded_image", image.ConstantPad2d((1, 2, 0, 3), 0.25).Conv2d(3, 2, name: "conv2d")); // [B, 3, 7, 8]
    }
}
