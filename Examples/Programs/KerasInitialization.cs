using TorchSharp;
using static TorchSharp.torch;

namespace Examples.Programs;

/// <summary>
/// Keras' default initialization: every kernel (a weight with two or more dimensions: dense and convolution layers)
/// Glorot-uniform, every bias zero. PyTorch's default (Kaiming-uniform with a = sqrt(5)) draws smaller weights;
/// through the six stacked convolutions of seed 001, or the eight of seed 004's denoising autoencoder, the signal
/// then shrinks so much that training barely moves in the first epochs (the loss stays at that of a constant
/// guess). The seeds trained with Keras' defaults; so do these examples where it matters.
/// </summary>
public static class KerasInitialization
{
    /// <summary>Re-initializes the module's kernels (Glorot uniform) and biases (zeros) from torch's generator.</summary>
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name.EndsWith("weight", System.StringComparison.Ordinal) && parameter.dim() >= 2)
            {
                nn.init.xavier_uniform_(parameter);
            }
            else if (name.EndsWith("bias", System.StringComparison.Ordinal))
            {
                nn.init.zeros_(parameter);
            }
        }
    }
}
