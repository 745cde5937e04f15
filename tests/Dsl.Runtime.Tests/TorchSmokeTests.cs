using TorchSharp;

namespace Dsl.Runtime.Tests;

public class TorchSmokeTests
{
    [Fact]
    public void A_TorchSharp_op_runs_on_this_host()
    {
        using var a = torch.ones(2, 3);
        using var b = a.sum();
        Assert.Equal(6f, b.item<float>());
    }
}
