using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 001: a shared convolutional encoder (six 3x3 "same" convolutions with 64 filters, dropout 0.1, two
/// max-pooling steps) with two heads: a classifier (dense 1024, dense 10) and a decoder (upsampling and
/// convolutions back to a 1x28x28 sigmoid image). Keras reports 3,445,323 trainable parameters.
/// </summary>
[Model]
public partial class MultitaskNet
{
    static void Define(Graph g)
    {
        // Keras' Glorot-uniform kernels and zero biases, as the seed had: through six stacked convolutions PyTorch's
        // smaller default weights shrink the signal so much that SGD at lr 0.01 barely moves in the first epochs.
        g.DefaultInit(Init.GlorotUniform);
        var image = g.Input("image", 1, 28, 28);

        var encoded = image;
        for (int stage = 0; stage < 2; stage++)
        {
            for (int i = 0; i < 3; i++)
            {
                encoded = encoded.Conv2d(64, 3, padding: Padding.Same).Relu();
                bool lastOfEncoder = stage == 1 && i == 2;
                if (!lastOfEncoder)
                {
                    encoded = encoded.Dropout(0.1);
                }
            }

            encoded = encoded.MaxPool2d(2);
        }

        var classification = encoded.Flatten().Linear(1024).Relu().Linear(10, name: "classification");

        var autoencoder = encoded
            .UpSample2d(2).Conv2d(64, 3, padding: Padding.Same).Relu()
            .UpSample2d(2).Conv2d(1, 3, padding: Padding.Same, name: "autoencoder").Sigmoid();

        g.Output("classification", classification);
        g.Output("autoencoder", autoencoder);

        // Keras: loss={'classification': categorical_crossentropy, 'autoencoder': mean_squared_error},
        // loss_weights={'classification': 0.9, 'autoencoder': 0.1}; the reconstruction is compared with the input.
        g.Loss("label", classification, Loss.CrossEntropy(), weight: 0.9);
        g.Loss("reconstruction", autoencoder, Loss.Mse(target: image), weight: 0.1);
    }
}
