using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Modules;

/// <summary>
/// Applies a declared <see cref="Init"/> to one layer (called by the generated constructor for every layer whose
/// initialization is not PyTorch's): kernels from the distribution, biases zero, from torch's random generator, so
/// <c>torch.manual_seed</c> makes it reproducible.
/// </summary>
public static class Initialization
{
    /// <summary>
    /// Re-initializes the parameters of <paramref name="layer"/>, its own modules included (attention's output
    /// projection). An embedding table keeps PyTorch's N(0, 1) rows and its zero padding row: the named distributions are
    /// for kernels, and Keras does not draw embeddings from them either.
    /// </summary>
    public static void Apply(nn.Module layer, Init init)
    {
        if (init is Init.Default or Init.PyTorch || layer is TorchSharp.Modules.Embedding)
        {
            return;
        }

        using var noGrad = no_grad();
        foreach (var (path, parameter) in layer.named_parameters())
        {
            string name = path[(path.LastIndexOf('.') + 1)..];
            if (name.StartsWith("bias", StringComparison.Ordinal) || name.EndsWith("_bias", StringComparison.Ordinal))
            {
                nn.init.zeros_(parameter);
            }
            else if (parameter.dim() >= 2)
            {
                Kernel(parameter, init);
            }
        }
    }

    private static void Kernel(Tensor weight, Init init)
    {
        switch (init)
        {
            case Init.GlorotUniform:
                nn.init.xavier_uniform_(weight);
                break;
            case Init.GlorotNormal:
                nn.init.xavier_normal_(weight);
                break;
            case Init.HeUniform:
                nn.init.kaiming_uniform_(weight, a: 0, nonlinearity: nn.init.NonlinearityType.ReLU);
                break;
            case Init.HeNormal:
                nn.init.kaiming_normal_(weight, a: 0, nonlinearity: nn.init.NonlinearityType.ReLU);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "Not an initialization of kernels.");
        }
    }
}
