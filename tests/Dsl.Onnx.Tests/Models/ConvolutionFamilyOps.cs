using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// The convolution family in the forms whose ONNX translation differs: per-axis kernels, strides and paddings, a
/// transposed convolution with a per-axis output padding and one with Same, 1-D and 3-D layers, group and instance
/// norm, zero padding and cropping, adaptive and global (max) pooling, bilinear upsampling, channel dropout.
/// </summary>
[Model]
public partial class ConvolutionFamilyOps
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 3, 16, 12);
        var a = image.Conv2d(8, (3, 5), stride: (1, 2), padding: (1, 2)).GroupNorm(2).Relu();                   // [8, 16, 6]
        var b = a.ConvTranspose2d(4, (4, 3), stride: (2, 2), padding: (1, 1), outputPadding: (0, 1));           // [4, 32, 12]
        var c = b.ZeroPad2d((1, 2, 0, 3)).Cropping2d((2, 1, 3, 0)).InstanceNorm2d(affine: true).Dropout2d(0.2); // [4, 32, 12]
        var d = c.UpSample2d(2, mode: UpSampleMode.Bilinear).AdaptiveAvgPool2d(4, 3).MaxPool2d((2, 1));          // [4, 2, 3]
        var e = Ops.Concat(1, d.Flatten(), c.GlobalMaxPool2d(), a.GroupNorm(4, affine: false).GlobalAvgPool2d());
        var signal = g.Input("signal", 2, 21);
        var s = signal.Conv1d(4, 3, stride: 2, padding: Padding.Same).BatchNorm1d().Dropout1d(0.1)
            .ConvTranspose1d(4, 3, stride: 2, padding: Padding.Same).AvgPool1d(3, stride: 2, padding: Padding.Same);
        var volume = g.Input("volume", 1, 4, 6, 6);
        var v = volume.Conv3d(2, (1, 3, 3), padding: (0, 1, 1)).BatchNorm3d().Conv3d(2, 3, stride: 2);
        g.Output("y", Ops.Concat(1, e, s.GlobalMaxPool1d(), s.GlobalAvgPool1d(), v.Flatten()).Linear(5));
    }
}
