using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>Each diagnostic a shape rule reports: id, the site it underlines, and the message a user reads.</summary>
public class ShapeDiagnosticTests
{
    // ----- DSL0001 incompatible shapes -----

    // ----- DSL0002 wrong rank -----

    [Fact]
    public void Conv2d_on_features_asks_for_a_reshape()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 784);
        int conv = b.Conv2d(x, 32, 3, name: "layer1");
        b.Output("y", conv);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0002", b.Node(conv).Site);

        Assert.Equal(
            "Conv2d 'layer1' expects a 4-D input [B, C, H, W] but got [B, 784]; a 2-D [B, F] input needs .Reshape(C, H, W) first",
            SpecBuilder.Message(error));
    }

    [Fact]
    public void Linear_on_an_image_asks_for_a_flatten()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 1, 28, 28);
        int dense = b.Linear(x, 10, name: "head");
        b.Output("y", dense);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0002", b.Node(dense).Site);

        Assert.Equal(new[] { "Linear 'head'", "a 2-D input [B, F] or features last [B, ..., F]", "[B, 1, 28, 28]", "add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1) to apply it at every position" }, error.Args.Items);
    }

    [Fact]
    public void BatchNorm2d_on_features_points_to_BatchNorm1d()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 32);
        int bn = b.BatchNorm2d(x);
        b.Output("y", bn);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0002", b.Node(bn).Site);

        Assert.Equal("use BatchNorm1d for a [B, F] input", error.Args[3]);
    }

    [Fact]
    public void BatchNorm1d_accepts_features_and_sequences_and_counts_running_stats_as_non_trainable()
    {
        var b = new SpecBuilder();
        int features = b.BatchNorm1d(b.Input("f", 32));
        int sequence = b.BatchNorm1d(b.Input("s", 8, 100));
        b.Output("a", features);
        b.Output("b", sequence);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        Assert.Equal((64, 64), (model.Nodes[features].TrainableParameters, model.Nodes[features].NonTrainableParameters));
        Assert.Equal((16, 16), (model.Nodes[sequence].TrainableParameters, model.Nodes[sequence].NonTrainableParameters));
        AnalysisAssert.Shape(model, sequence, "[B, 8, 100]");
    }

    // ----- DSL0003 kernel too large -----

    [Fact]
    public void Kernel_larger_than_the_input_is_reported_at_the_kernel_argument()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 16, 4, 4);
        int pool = b.MaxPool2d(x, 2);
        int conv = b.Conv2d(pool, 32, 3, name: "late");
        b.Output("y", conv);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0003", b.Node(conv).SiteOf("kernelSize"));

        Assert.NotEqual(b.Node(conv).Site, error.Site);
        Assert.Equal(new[] { "Conv2d 'late'", "3x3", "[B, 16, 2, 2]", "2x2", "Valid" }, error.Args.Items);
    }

    [Fact]
    public void Explicit_padding_can_make_a_kernel_fit()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 16, 2, 2);
        int conv = b.Conv2d(x, 8, 3, padding: new PaddingSpec(PaddingMode.Explicit, 1));
        b.Output("y", conv);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, conv, "[B, 8, 2, 2]");
        Assert.Equal(new PaddingPlan(1, 1, 1, 1), model.Nodes[conv].Padding);
    }

    [Fact]
    public void Pooling_window_larger_than_the_input_is_reported()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 16, 3, 5);
        int pool = b.AvgPool2d(x, 4);
        b.Output("y", pool);

        AnalysisAssert.Single(b.Analyze(), "DSL0003", b.Node(pool).SiteOf("kernelSize"));
    }

    // ----- DSL0004 reshape mismatch -----

    // ----- DSL0005 concat mismatch -----

    // ----- DSL0007 invalid arguments -----

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Dropout_probability_outside_0_1_is_reported_at_p(double p)
    {
        var b = new SpecBuilder();
        int dropout = b.Dropout(b.Input("x", 10), p);
        b.Output("y", dropout);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0007", b.Node(dropout).SiteOf("p"));

        Assert.Equal("Dropout 'dropout_1'", error.Args[0]);
        Assert.StartsWith("the drop probability p must be in [0, 1)", error.Args[1]);
    }

    [Fact]
    public void Pooling_padding_over_half_the_kernel_is_reported_at_padding()
    {
        var b = new SpecBuilder();
        int pool = b.MaxPool2d(b.Input("x", 3, 8, 8), 2, padding: new PaddingSpec(PaddingMode.Explicit, 2));
        b.Output("y", pool);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0007", b.Node(pool).SiteOf("padding"));

        Assert.Equal("padding 2 must be between 0 and half the kernel (1 for kernel 2)", error.Args[1]);
    }

    [Fact]
    public void AvgPool2d_same_padding_that_is_asymmetric_at_the_top_is_reported_at_padding()
    {
        var b = new SpecBuilder();
        // ceil(8 / 2) = 4 outputs need (4 - 1) * 2 + 5 - 8 = 3 rows of padding: top 1, bottom 2.
        int pool = b.AvgPool2d(b.Input("x", 3, 8, 8), 5, stride: 2, padding: PaddingSpec.Same);
        b.Output("y", pool);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0007", b.Node(pool).SiteOf("padding"));

        Assert.Equal("avg_pool2d_1", b.Node(pool).Name);
        Assert.StartsWith(
            "AvgPool2d 'avg_pool2d_1': Padding.Same here needs asymmetric padding (top 1, bottom 2, left 1, right 2) which AvgPool2d cannot express",
            SpecBuilder.Message(error));
    }

    [Fact]
    public void AvgPool2d_same_padding_only_at_the_bottom_right_is_accepted()
    {
        var b = new SpecBuilder();
        int pool = b.AvgPool2d(b.Input("x", 3, 7, 7), 2, padding: PaddingSpec.Same);
        b.Output("y", pool);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        Assert.Equal(new PaddingPlan(0, 1, 0, 1), model.Nodes[pool].Padding);
    }

    [Fact]
    public void Conv2d_with_zero_filters_is_reported_at_outChannels()
    {
        var b = new SpecBuilder();
        int conv = b.Conv2d(b.Input("x", 3, 8, 8), 0, 3);
        b.Output("y", conv);

        var error = AnalysisAssert.Single(b.Analyze(), "DSL0007", b.Node(conv).SiteOf("outChannels"));

        Assert.Equal("Conv2d 'conv2d_1': outChannels must be at least 1 but is 0", SpecBuilder.Message(error));
    }

    [Fact]
    public void Softplus_with_beta_zero_is_reported_at_beta()
    {
        // (A non-finite slope, alpha or beta is rejected where the argument is read; see ElementwiseFunctionDiagnosticsTests.)
        var b = new SpecBuilder();
        int ok = b.Add(new ActivationOp(ActivationKind.Softplus, 1), null, b.Input("x", 10));
        int bad = b.Add(new ActivationOp(ActivationKind.Softplus, 0), null, ok);
        b.Output("y", bad);

        AnalysisAssert.Single(b.Analyze(), "DSL0007", b.Node(bad).SiteOf("beta"));
    }
}
