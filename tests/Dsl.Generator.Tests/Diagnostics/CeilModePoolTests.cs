using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>ceilMode on MaxPool / AvgPool at compile time: PyTorch's sizes, and where it cannot apply.</summary>
public class CeilModePoolTests
{
    private const string Inputs = "var x = g.Input(\"x\", 2, 6, 5); var s = g.Input(\"s\", 2, Dim.Of(\"L\"));";

    [Theory]
    [InlineData("g.Output(\"y\", x.MaxPool2d(3, stride: 2, ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 3, 2]")]
    [InlineData("g.Output(\"y\", x.MaxPool2d(3, stride: 2)); g.Output(\"o\", s);", "[B, 2, 2, 2]")]
    [InlineData("g.Output(\"y\", x.AvgPool2d(2, padding: 1, ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 4, 3]")]
    [InlineData("g.Output(\"y\", x.AvgPool2d((2, 3), stride: (2, 1), padding: (1, 1), ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 4, 5]")]
    [InlineData("g.Output(\"y\", x.Flatten(2).Slice(2, 0, 5).MaxPool1d(1, stride: 3, ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 2]")] // the third window would start past the input
    [InlineData("g.Output(\"y\", s.MaxPool1d(3, stride: 2, ceilMode: true)); g.Output(\"o\", x);", "[B, 2, L / 2]")]  // ceil((L - 3) / 2) + 1
    public void Ceil_mode_counts_pytorchs_windows(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

    [Fact]
    public void Same_padding_with_ceil_mode_is_reported_at_ceilMode()
    {
        var diagnostic = Assert.Single(DefineBody.Run("g.Output(\"y\", x.MaxPool2d(2, padding: Padding.Same, ceilMode: true)); g.Output(\"o\", s);", Inputs).Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains("Padding.Same already decides the partial windows", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal("true", diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_symbolic_length_whose_last_window_may_start_past_it_needs_its_size() =>
        DefineBody.AssertSingle("g.Output(\"y\", s.MaxPool1d(1, stride: 3, ceilMode: true)); g.Output(\"o\", x);", "DSL0006", "with ceilMode and a stride above kernelSize - padding", Inputs);
}
