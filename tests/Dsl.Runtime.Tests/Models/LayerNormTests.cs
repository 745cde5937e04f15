using System;
using System.Linq;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>A pre-norm block's first step: LayerNorm over the features of [B, T, 8].</summary>
[Model]
public partial class TokenNorm
{
    static void Define(Graph g) => g.Output("y", g.Input("tokens", Dim.Of("T"), 8).LayerNorm(name: "norm"));
}

/// <summary>The generated LayerNorm normalizes each token over its features and counts PyTorch's parameters.</summary>
public sealed class LayerNormTests
{
    [Fact]
    public void Each_token_is_normalized_over_its_features()
    {
        using var model = new TokenNorm();
        torch.manual_seed(7);
        using var tokens = torch.randn(2, 5, 8) * 3 + 1;

        using var y = model.Forward(tokens);

        Assert.Equal(new long[] { 2, 5, 8 }, y.Y.shape);
        using var mean = y.Y.mean(new long[] { -1 });
        using var variance = y.Y.var(-1, unbiased: false);
        Assert.True(mean.abs().max().item<float>() < 1e-5, "every token's mean is 0");
        Assert.True((variance - 1).abs().max().item<float>() < 1e-3, "every token's variance is 1 (up to eps)");
    }

    [Fact]
    public void Parameters_are_the_scale_and_shift_as_in_PyTorch()
    {
        using var model = new TokenNorm();

        long actual = model.parameters().Sum(p => p.numel());

        Assert.Equal(16, actual); // nn.LayerNorm(8): weight 8 + bias 8
        Assert.Equal(actual, TokenNorm.Info.TotalParameters);
        Assert.Equal(new[] { "norm.bias", "norm.weight" }, model.state_dict().Keys.OrderBy(k => k, StringComparer.Ordinal));
    }
}
