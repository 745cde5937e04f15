using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Flip, end to end through the generator: its shape, its argument check, its code in both backends and its value-range fact.</summary>
public class FlipTests
{
    private const string Image = "var x = g.Input(\"x\", 1, 28, 28);";

    [Theory]
    [InlineData("g.Output(\"y\", x.Flip(3));", "[B, 1, 28, 28]")]
    [InlineData("g.Output(\"y\", x.Flip(0).Flip(1));", "[B, 1, 28, 28]")]
    public void Flip_keeps_the_type(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Image);

    [Fact]
    public void A_dim_beyond_the_rank_is_reported() =>
        DefineBody.AssertSingle("g.Output(\"y\", x.Flip(3).Flip(4));", "DSL0007", "Flip 'flip_2': dim 4 is out of range for [B, 1, 28, 28]; use 0 (the batch) to 3", Image);

    [Fact]
    public void A_negative_dim_is_reported_where_it_is_read() =>
        Assert.Contains("Flip: 'dim' must be at least 0 but is -1", DefineBody.Run("g.Output(\"y\", x.Flip(-1));", Image).DslDiagnostics);

    [Fact]
    public void Flip_is_emitted_for_TorchSharp_and_PyTorch()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.Flip(2));", Image);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains(".flip(2)", run.GeneratedSource("Net"));
        Assert.Contains(".flip(2)", run.PyTorchSource("Net"));
    }

    /// <summary>Flip only moves values: a flipped sigmoid is still a probability, a flipped dense output is still unbounded (DSL0209).</summary>
    [Fact]
    public void Flip_keeps_the_value_range_of_its_input()
    {
        const string Flat = "var x = g.Input(\"x\", 4);";
        Assert.True(DefineBody.Run("var p = x.Linear(3).Sigmoid().Flip(1); g.Output(\"p\", p); g.Loss(\"t\", p, Loss.BinaryCrossEntropy());", Flat).Diagnostics.IsEmpty);
        DefineBody.AssertSingle("var p = x.Linear(3).Flip(1); g.Output(\"p\", p); g.Loss(\"t\", p, Loss.BinaryCrossEntropy());", "DSL0209", "comes from Linear 'linear_1'", Flat);
    }
}
