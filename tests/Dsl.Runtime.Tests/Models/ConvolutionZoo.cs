using Dsl;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// Every op of the convolution family in one net: per-axis sizes, transposed convolutions (a per-axis output
/// padding, Same), norms, padding and cropping, 1-D and 3-D layers. ConvolutionFamilyTests trains it one step and
/// compares its parameters with PyTorch's; the generator tests snapshot its generated code.
/// </summary>
[Model]
public partial class ConvolutionZoo
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 3, 32, 32);
        var a = image.Conv2d(8, (3, 5), stride: (1, 2), padding: (1, 2)).GroupNorm(2).Relu();            // [B, 8, 32, 16]
        var b = a.Conv2d(8, 4, stride: 2, padding: Padding.Same).InstanceNorm2d(affine: true).Dropout2d(0.1); // [B, 8, 16, 8]
        var c = b.ConvTranspose2d(8, (4, 3), stride: (2, 2), padding: (1, 1), outputPadding: (0, 1));     // [B, 8, 32, 16]
        var d = Ops.Concat(1, a, c).ZeroPad2d((1, 1, 0, 0)).Cropping2d((1, 1, 0, 0)).MaxPool2d((2, 1));   // [B, 16, 16, 16]
        var e = d.UpSample2d(2, mode: UpSampleMode.Bilinear).AdaptiveAvgPool2d(4, 2).GlobalMaxPool2d();  // [B, 16]
        var signal = g.Input("signal", 2, 64);
        var s = signal.Conv1d(4, 3, padding: Padding.Same, dilation: 2).BatchNorm1d().Dropout1d(0.2)
            .MaxPool1d(3, stride: 2, padding: Padding.Same).ConvTranspose1d(4, 3, stride: 2, padding: Padding.Same).AvgPool1d(2).GlobalAvgPool1d(); // [B, 4]
        var volume = g.Input("volume", 1, 4, 8, 8);
        var v = volume.Conv3d(2, (1, 3, 3), padding: (0, 1, 1)).BatchNorm3d().Conv3d(2, 3, stride: 2).Flatten(); // [B, 18]
        var y = Ops.Concat(1, e, s, v).Linear(3);
        g.Output("y", y);
        g.Loss("target", y, Loss.Mse());
    }
}
