using System.Globalization;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Normalize(p, dim, eps) at compile time: the input's shape, and each mistake at its argument.</summary>
public class NormalizeTests
{
    private const string Inputs = "var x = g.Input(\"x\", 3, Dim.Of(\"T\"), 4, 5);";

    [Theory]
    [InlineData("g.Output(\"y\", x.Normalize(dim: -1));", "[B, 3, T, 4, 5]")]
    [InlineData("g.Output(\"y\", x.Normalize(1, 2, 1e-6));", "[B, 3, T, 4, 5]")]
    public void Normalize_infers_PyTorchs_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

    [Theory]
    [InlineData("g.Output(\"y\", x.Normalize(dim: 0));", "0", "dim 0 is not an axis after the batch of [B, 3, T, 4, 5]; use 1 to 4 (or -4 to -1) (normalizing over the batch would mix samples)")]
    [InlineData("g.Output(\"y\", x.Normalize(p: 0));", "0", "'p' must be positive but is 0")]
    [InlineData("g.Output(\"y\", x.Normalize(eps: -1));", "-1", "'eps' must be a finite number of at least 0")]
    public void A_wrong_axis_or_size_is_reported_at_its_argument(string body, string argument, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, Inputs).Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }
}
