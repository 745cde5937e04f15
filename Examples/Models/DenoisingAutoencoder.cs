using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 004: the convolutional autoencoder used for denoising. Encoder: 16, 32, 64, 128 filters (3x3, same)
/// with "same" 2x2 max pooling (28, 14, 7, 4), global average pooling to a 128-d code; decoder: dense
/// 4*4*32, reshape, convolutions and upsampling back to a 1x28x28 sigmoid image. Keras reports 204,929
/// trainable parameters.
/// </summary>
[Model]
public partial class DenoisingAutoencoder
{
    static void Define(Graph g)
    {
        // Keras' Glorot-uniform kernels and zero biases, as the seed had: with PyTorch's default the deep decoder
        // stalls at the loss of a constant guess.
        g.DefaultInit(Init.GlorotUniform);
        var noisy = g.Input("noisy", 1, 28, 28);

        var x = noisy;
        int[] filters = { 16, 32, 64 };
        foreach (int f in filters)
        {
            x = x.Conv2d(f, 3, padding: Padding.Same).Relu().MaxPool2d(2, padding: Padding.Same);
        }

        var code = x.Conv2d(128, 3, padding: Padding.Same).Relu().GlobalAvgPool2d();

        var decoded = code
            .Linear(4 * 4 * 32).Relu()
            .Reshape(32, 4, 4)
            .Conv2d(64, 3, padding: Padding.Same).Relu().UpSample2d(2)
            .Conv2d(32, 3, padding: Padding.Same).Relu().UpSample2d(2)
            .Conv2d(16, 3).Relu().UpSample2d(2)
            .Conv2d(1, 3, padding: Padding.Same).Sigmoid();

        g.Output("denoised", decoded);

        // Keras: autoencoder.compile(optimizer='adam', loss='binary_crossentropy'), fitted on (noisy, clean).
        g.Loss("clean", decoded, Loss.BinaryCrossEntropy());
    }
}
