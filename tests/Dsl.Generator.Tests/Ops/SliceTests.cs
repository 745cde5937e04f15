using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Slice(dim, start, end): Python's slices with negative positions, symbolic lengths, and the TorchSharp call.</summary>
public class SliceTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Slice(1, 1));", "[B, T - 1, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(1, 2, -1));", "[B, T - 3, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(1, -3));", "[B, 3, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(-1, 2, 6));", "[B, T, 4]")]
    public void Slices_give_PyTorchs_lengths_symbolic_ones_included(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Slice(2, 5, 5));", "DSL0007", "the slice [5:5] of dim 2 of [B, T, 8] is empty; end must come after start")]
    [InlineData("g.Output(\"y\", x.Slice(2, 0, 9));", "DSL0007", "end 9 is outside dim 2 of [B, T, 8]; use -8 to 8")]
    [InlineData("g.Output(\"y\", x.Slice(1, -2, 3));", "DSL0006", "the slice [-2:3] runs from the back to a position from the front")]
    [InlineData("g.Output(\"y\", x.Slice(1, int.MinValue));", "DSL0007", "is longer than any dimension can be")]
    [InlineData("g.Output(\"y\", x.Slice(1, 5, int.MinValue));", "DSL0007", "is longer than any dimension can be")]
    public void Empty_or_out_of_range_slices_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void A_slice_is_a_tensor_slice_with_step_1() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Slice(-1, 2, 6));", "var slice_1 = x.slice(2, 2, 6, 1); // [B, T, 4]");
}
