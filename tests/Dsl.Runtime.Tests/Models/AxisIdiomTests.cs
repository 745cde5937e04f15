using System.Linq;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Negative axes and an inferred Reshape size, as PyTorch code writes them.</summary>
[Model]
public partial class AxisIdioms
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", Dim.Of("T"), 4);
        var both = Ops.Concat(-1, tokens, tokens.Abs().Sqrt());
        g.Output("weights", both.Softmax(-1));
        g.Output("grid", g.Input("image", 2, 3, 4).Reshape(-1, 4));
    }
}

/// <summary>The generated module runs the idioms with the shapes and values PyTorch gives.</summary>
public sealed class AxisIdiomTests
{
    [Fact]
    public void Negative_axes_and_an_inferred_size_run_as_in_PyTorch()
    {
        using var model = new AxisIdioms();
        torch.manual_seed(3);
        using var tokens = torch.randn(2, 5, 4);
        using var image = torch.arange(48, dtype: torch.float32).reshape(2, 2, 3, 4);

        using var y = model.Forward(tokens, image);

        Assert.Equal(new long[] { 2, 5, 8 }, y.Weights.shape);
        using var sums = y.Weights.sum(-1);
        Assert.True((sums - 1).abs().max().item<float>() < 1e-5, "softmax over the last axis sums to 1 per token");
        Assert.Equal(new long[] { 2, 6, 4 }, y.Grid.shape);
        Assert.Equal(Enumerable.Range(0, 48).Select(i => (float)i), y.Grid.data<float>().ToArray());
    }
}
