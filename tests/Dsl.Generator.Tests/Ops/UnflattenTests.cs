using System.Globalization;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Unflatten(dim, sizes) at compile time: PyTorch's shapes, and each mistake at its argument.</summary>
public class UnflattenTests
{
    private const string Inputs = "var x = g.Input(\"x\", 3, Dim.Of(\"T\"), 4, 5);";

    [Theory]
    [InlineData("g.Output(\"y\", x.Unflatten(1, 3, 1));", "[B, 3, 1, T, 4, 5]")]
    [InlineData("g.Output(\"y\", x.Unflatten(-1, -1, 5));", "[B, 3, T, 4, 1, 5]")]
    [InlineData("g.Output(\"y\", x.Unflatten(2, 1, 1, -1));", "[B, 3, 1, 1, T, 4, 5]")]
    public void Unflatten_infers_PyTorchs_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

    [Theory]
    [InlineData("g.Output(\"y\", x.Unflatten(5, 1, 5));", "5", "dim 5 is not an axis after the batch of [B, 3, T, 4, 5]")]
    [InlineData("g.Output(\"y\", x.Unflatten(3, 3, 2));", "Unflatten(3, 3, 2)", "the sizes (3, 2) do not multiply out to the size 4 of axis 3 of [B, 3, T, 4, 5]; their product must be 4")]
    [InlineData("g.Output(\"y\", x.Unflatten(3, 3, -1));", "Unflatten(3, 3, -1)", "the sizes (3, -1) do not divide the size 4")]
    [InlineData("g.Output(\"y\", x.Unflatten(3, 0, 4));", "x.Unflatten(3, 0, 4)", "each size must be at least 1, and one of them may be -1 (inferred); got (0, 4)")]
    // A size among params sizes is reported at the call (the sizes have no single argument).
    public void A_wrong_axis_or_size_is_reported_at_its_argument(string body, string argument, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, Inputs).Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void Splitting_a_symbolic_axis_needs_its_size() =>
        DefineBody.AssertSingle("g.Output(\"y\", x.Unflatten(2, 2, -1));", "DSL0006", "the sizes it is split into are checked against it", Inputs);
}
