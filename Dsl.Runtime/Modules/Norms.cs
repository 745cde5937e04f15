using TorchSharp;

namespace Dsl.Modules;

/// <summary>Normalization layers as the generated modules build them.</summary>
public static class Norms
{
    /// <summary>
    /// <c>nn.GroupNorm</c> with PyTorch's initial scale 1 and shift 0: TorchSharp 0.107's module leaves its affine
    /// weight and bias uninitialized (whatever the memory held), so they are set here once.
    /// </summary>
    public static TorchSharp.Modules.GroupNorm GroupNorm(long groups, long channels, double eps, bool affine)
    {
        var norm = torch.nn.GroupNorm(groups, channels, eps: eps, affine: affine);
        if (affine)
        {
            using (torch.no_grad())
            {
                norm.weight!.fill_(1);
                norm.bias!.zero_();
            }
        }

        return norm;
    }
}
