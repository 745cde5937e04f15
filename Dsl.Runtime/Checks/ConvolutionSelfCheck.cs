using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Checks;

/// <summary>
/// Checks that libtorch's float32 convolution gradients on this CPU agree with a float64 computation of the same
/// function. On some hosts (seen on an AMD EPYC virtual machine) oneDNN's AVX2 / AVX-512 kernels return wrong, run-to-run
/// different, sometimes NaN input gradients for convolutions; limiting oneDNN to AVX (environment variable
/// <c>DNNL_MAX_CPU_ISA=AVX</c>, read once when the process first uses it) makes them exact again.
/// <see cref="OneDnnKernels.ChooseForThisHost"/> runs this check once per CPU model and libtorch build, in a child
/// process at the default kernels, and limits the kernels only where it fails.
/// </summary>
public static class ConvolutionSelfCheck
{
    /// <summary>The environment variable oneDNN reads to limit the instruction set of its kernels.</summary>
    public const string IsaVariable = "DNNL_MAX_CPU_ISA";

    /// <summary>Runs a small two-convolution backward pass in float32 and float64; null when they agree, else what differs.</summary>
    public static string? Run()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(20261123);
        var x = torch.rand(new long[] { 6, 1, 56, 46 }, generator: generator, dtype: ScalarType.Float64);
        var w1 = torch.rand(new long[] { 6, 1, 3, 3 }, generator: generator, dtype: ScalarType.Float64) - 0.5;
        var w2 = torch.rand(new long[] { 12, 6, 3, 3 }, generator: generator, dtype: ScalarType.Float64) - 0.5;
        double exact = FirstLayerGradientNorm(x, w1, w2);
        double single = FirstLayerGradientNorm(x.to(ScalarType.Float32), w1.to(ScalarType.Float32), w2.to(ScalarType.Float32));
        return Agrees(single, exact)
            ? null
            : $"float32 convolution gradients on this CPU are wrong (gradient norm {single:G6} where float64 gives {exact:G6}); " +
              "oneDNN's vector kernels misbehave on this host.";
    }

    /// <summary>True when a float32 result agrees with the float64 reference to float32 precision.</summary>
    public static bool Agrees(double single, double exact) =>
        !double.IsNaN(single) && Math.Abs(single - exact) <= 1e-4 * Math.Abs(exact) + 1e-6;

    private static double FirstLayerGradientNorm(Tensor x, Tensor w1, Tensor w2)
    {
        // Both layers train, as in a model: the second convolution computes its input and its weight gradient.
        var first = w1.detach().requires_grad_(true);
        var second = w2.detach().requires_grad_(true);
        var hidden = nn.functional.max_pool2d(nn.functional.relu(nn.functional.conv2d(x, first)), 2, stride: 2);
        nn.functional.conv2d(hidden, second).square().sum().backward();
        return first.grad!.to(ScalarType.Float64).norm().item<double>();
    }
}
