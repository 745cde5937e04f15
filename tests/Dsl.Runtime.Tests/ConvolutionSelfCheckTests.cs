using System.Runtime.CompilerServices;
using Dsl.Checks;

namespace Dsl.Runtime.Tests;

/// <summary>
/// Runs before any test touches libtorch, as Program.Main does in an app: the fast oneDNN kernels where the self-check
/// passes on this host, the exact ones where it fails, so every numeric test holds on either kind of host.
/// </summary>
internal static class TestStartup
{
    [ModuleInitializer]
    internal static void ChooseKernels()
    {
        OneDnnKernels.ChooseForThisHost();
        ThreadWaitPolicy.UsePassiveWaiting();
    }
}

public class ConvolutionSelfCheckTests
{
    [Theory]
    [InlineData(18886.17578125, 18886.177508441015, true)]
    [InlineData(16168.205078125, 18886.177508441015, false)]
    [InlineData(double.NaN, 18886.177508441015, false)]
    public void Agreement_is_float32_precision(double single, double exact, bool agrees) =>
        Assert.Equal(agrees, ConvolutionSelfCheck.Agrees(single, exact));

    [Fact]
    public void With_the_kernels_chosen_for_this_host_float32_convolution_gradients_match_float64() =>
        Assert.Null(ConvolutionSelfCheck.Run());
}
