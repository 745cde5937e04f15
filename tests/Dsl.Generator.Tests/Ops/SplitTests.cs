using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Split(sizes, dim) and Chunk(chunks, dim): the parts PyTorch gives, sizes that do not add up, and the TorchSharp calls.</summary>
public class SplitTests
{
    [Theory]
    [InlineData("var p = x.Split(new[] { 3, 5 }, -1); g.Output(\"y\", p[1]); g.Output(\"z\", p[0]);", "[B, T, 5]")]
    [InlineData("var p = x.Chunk(4, 2); g.Output(\"y\", p[3]); g.Output(\"z\", Ops.Concat(-1, p[0], p[1], p[2]));", "[B, T, 2]")]
    public void Split_and_chunk_give_PyTorchs_parts(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("var p = x.Split(new[] { 3, 4 }, -1); g.Output(\"y\", p[0]); g.Output(\"z\", p[1]);", "DSL0007", "the sizes (3, 4) add up to 7 but dim 2 of [B, T, 8] is 8")]
    [InlineData("var p = x.Chunk(3, 2); g.Output(\"y\", p[0]); g.Output(\"z\", Ops.Concat(-1, p[1], p[2]));", "DSL0007", "3 chunks do not divide dim 2 of [B, T, 8] (8) evenly")]
    [InlineData("var p = x.Chunk(2, 1); g.Output(\"y\", p[0]); g.Output(\"z\", p[1]);", "DSL0006", "Chunk cuts dim 1 at fixed positions")]
    [InlineData("var p = x.Chunk(100000, -1); g.Output(\"y\", p[0]);", "DSL0111", "graph nodes (chunks)")]
    [InlineData("var p = x.Split(new[] { int.MaxValue, int.MaxValue }, -1); g.Output(\"y\", p[0]); g.Output(\"z\", p[1]);", "DSL0007", "add up to 4294967294 but dim 2 of [B, T, 8] is 8")]
    public void Sizes_that_do_not_cut_the_axis_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void Each_part_is_a_narrow_of_the_input() =>
        DefineBody.AssertEmits("var p = x.Split(new[] { 3, 5 }, -1); g.Output(\"y\", p[1]); g.Output(\"z\", p[0]);", "var split_2 = x.narrow(2, 3, 5); // [B, T, 5]");
}
