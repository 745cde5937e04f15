using System.Globalization;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Flatten(startDim, endDim) at compile time: PyTorch's shapes, and each mistake at its argument.</summary>
public class FlattenTests
{
    private const string Inputs = "var x = g.Input(\"x\", 3, Dim.Of(\"T\"), 4, 5);";

    [Theory]
    [InlineData("g.Output(\"y\", x.Flatten());", "[B, 60*T]")]
    [InlineData("g.Output(\"y\", x.Flatten(3));", "[B, 3, T, 20]")]
    [InlineData("g.Output(\"y\", x.Flatten(2, 3));", "[B, 3, 4*T, 5]")]
    [InlineData("g.Output(\"y\", x.Flatten(-2, -1));", "[B, 3, T, 20]")]
    [InlineData("g.Output(\"y\", x.Flatten(1, 1));", "[B, 3, T, 4, 5]")]
    [InlineData("g.Output(\"y\", x.Flatten(3).Unflatten(-1, 2, 2, 5));", "[B, 3, T, 2, 2, 5]")]
    public void Flatten_infers_PyTorchs_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

    [Theory]
    [InlineData("g.Output(\"y\", x.Flatten(0));", "0", "startDim 0 is not an axis after the batch of [B, 3, T, 4, 5]; use 1 to 4 (or -4 to -1) (the batch, axis 0, is never flattened)")]
    [InlineData("g.Output(\"y\", x.Flatten(3, 2));", "2", "endDim 2 must be an axis of [B, 3, T, 4, 5] from startDim 3 on; use 3 to 4 (or -1, the last)")]
    [InlineData("g.Output(\"y\", x.Flatten(2, 9));", "9", "endDim 9 must be an axis")]
    public void A_wrong_axis_or_size_is_reported_at_its_argument(string body, string argument, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, Inputs).Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }
}
