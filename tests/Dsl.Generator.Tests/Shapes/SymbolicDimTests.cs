using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>Symbolic sizes (<c>Dim.Of("T")</c>) stay affine through the rules, and DSL0006 where a rule needs a concrete size.</summary>
public class SymbolicDimTests
{
    [Fact]
    public void Conv2d_stride_1_valid_keeps_a_symbolic_height_affine()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 1, "T", 28);
        int conv = b.Conv2d(x, 32, 3);
        int same = b.Conv2d(conv, 32, 3, padding: PaddingSpec.Same);
        int up = b.UpSample2d(same, 2);
        b.Output("y", up);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, conv, "[B, 32, T - 2, 26]");
        AnalysisAssert.Shape(model, same, "[B, 32, T - 2, 26]");
        Assert.Equal(new PaddingPlan(1, 1, 1, 1), model.Nodes[same].Padding);
        AnalysisAssert.Shape(model, up, "[B, 32, 2*T - 4, 52]");
        Assert.Equal(DimExpr.Sym("T").Times(2)!.Add(-4), model.TypeOf(up).Dims[1]);
    }

    [Fact]
    public void Linear_after_flattening_a_symbolic_size_needs_a_concrete_size()
    {
        var b = new SpecBuilder();
        int tokens = b.Input("tokens", "T", 64);
        int flat = b.Flatten(tokens);
        int dense = b.Linear(flat, 10, name: "head");
        b.Output("y", dense);

        var model = b.Analyze();

        var error = AnalysisAssert.Single(model, "DSL0006", b.Node(dense).Site);
        AnalysisAssert.Shape(model, flat, "[B, 64*T]");
        Assert.Equal(new[] { "Linear 'head'", "[B, 64*T]", "64*T" }, error.Args.Items[0..3]);
        Assert.StartsWith("Linear 'head' needs a size known at compile time but the input [B, 64*T] has symbolic dimension '64*T'; ", SpecBuilder.Message(error));
    }

    [Fact]
    public void Strided_conv_on_a_symbolic_size_gives_a_floor_division()
    {
        var b = new SpecBuilder();
        int conv = b.Conv2d(b.Input("x", 1, "H", "W"), 32, 3, stride: 2);
        int padded = b.Conv2d(conv, 32, 3, stride: 2, padding: new PaddingSpec(PaddingMode.Explicit, 1));
        b.Output("y", padded);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, conv, "[B, 32, (H - 1) / 2, (W - 1) / 2]");
        AnalysisAssert.Shape(model, padded, "[B, 32, (H + 1) / 4, (W + 1) / 4]");
    }

    [Fact]
    public void Pooling_twice_equals_pooling_once_by_four_so_branches_compare()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 8, "H", "W");
        int twice = b.MaxPool2d(b.MaxPool2d(x, 2), 2);
        int once = b.MaxPool2d(x, 4);
        int sum = b.Binary(BinaryKind.Add, twice, once);
        b.Output("y", sum);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, sum, "[B, 8, H / 4, W / 4]");
    }

    [Fact]
    public void Downsampling_and_upsampling_back_differs_from_the_input_size_at_the_add()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 8, "H", "W");
        int down = b.MaxPool2d(x, 2);
        int up = b.UpSample2d(down, 2);
        int sum = b.Binary(BinaryKind.Add, x, up);
        b.Output("y", sum);

        var model = b.Analyze();

        // 2 * floor(H / 2) is H only for even H: the + is reported, with both expressions.
        var error = AnalysisAssert.Single(model, "DSL0001", b.Node(sum).Site);
        Assert.Contains("[B, 8, 2*(H / 2), 2*(W / 2)]", SpecBuilder.Message(error));
    }

    [Fact]
    public void Same_padding_with_a_stride_on_a_symbolic_size_needs_a_concrete_size()
    {
        var b = new SpecBuilder();
        int conv = b.Conv2d(b.Input("x", 1, "H", 28), 8, 3, stride: 2, padding: PaddingSpec.Same);
        b.Output("y", conv);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0006", b.Node(conv).Site);

        Assert.Equal("H", error.Args[2]);
        Assert.Contains("Padding.Valid or an explicit padding", SpecBuilder.Message(error));
    }

    [Fact]
    public void Conv2d_with_symbolic_channels_needs_a_concrete_size()
    {
        var b = new SpecBuilder();
        int conv = b.Conv2d(b.Input("x", "C", 28, 28), 8, 3);
        b.Output("y", conv);

        AnalysisAssert.Single(b.Analyze(), "DSL0006", b.Node(conv).Site);
    }

    [Fact]
    public void Flattening_two_symbolic_sizes_needs_a_concrete_size()
    {
        var b = new SpecBuilder();
        int flat = b.Flatten(b.Input("x", 3, "H", "W"));
        b.Output("y", flat);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0006", b.Node(flat).Site);

        Assert.Equal("W", error.Args[2]);
    }

    [Fact]
    public void Reshape_of_a_symbolic_input_needs_a_concrete_size()
    {
        var b = new SpecBuilder();
        int reshape = b.Reshape(b.Input("x", "T", 4), 4, 4);
        b.Output("y", reshape);

        AnalysisAssert.Single(b.Analyze(), "DSL0006", b.Node(reshape).Site);
    }

    [Fact]
    public void Concat_sums_symbolic_sizes_of_one_or_several_symbols()
    {
        var b = new SpecBuilder();
        int a = b.Input("a", "T", 8);
        int c = b.Input("c", 4, 8);
        int d = b.Input("d", "S", 8);
        int ok = b.Concat(1, a, c, a);
        int mixed = b.Concat(1, a, d);
        b.Output("ok", ok);
        b.Output("mixed", mixed);

        var model = b.Analyze();

        AnalysisAssert.Shape(model, ok, "[B, 2*T + 4, 8]");
        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, mixed, "[B, S + T, 8]");
    }

    [Fact]
    public void Binary_ops_compare_symbolic_dims_by_value()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", "T", 16);
        int y = b.Relu(x);
        int sum = b.Binary(BinaryKind.Add, x, y);
        b.Output("y", sum);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, sum, "[B, T, 16]");
    }
}
