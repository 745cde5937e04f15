using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>The walk itself: incomplete models, no error cascades, outputs and unused results.</summary>
public class ModelCheckTests
{
    [Fact]
    public void An_incomplete_model_without_a_graph_is_not_analyzed()
    {
        var model = ShapeInference.Analyze(new SpecBuilder().Build(isComplete: false));

        Assert.Empty(model.Nodes);
        Assert.Empty(model.Diagnostics);
        Assert.False(model.CanEmit);
    }

    [Fact]
    public void An_incomplete_model_with_a_graph_is_analyzed_node_by_node_but_not_as_a_whole()
    {
        // A mistake in the declarations (a failed call, an invalid output name) may have dropped an output, so no
        // DSL0200 / DSL0900 follows from it; the nodes' own mistakes are still found.
        var b = new SpecBuilder();
        int x = b.Input("x", 10);
        b.Conv2d(x, 8, 3);
        b.Linear(x, 4);

        var model = ShapeInference.Analyze(b.Build(isComplete: false));

        Assert.Equal(3, model.Nodes.Count);
        Assert.Equal("DSL0002", Assert.Single(model.Diagnostics).Id);
        Assert.False(model.CanEmit);
    }

    [Fact]
    public void Nodes_after_a_failed_node_get_no_type_and_no_further_error()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 1, 28, 28);
        int dense = b.Linear(x, 10);
        int relu = b.Relu(dense);
        int wrong = b.Linear(relu, 5);
        int sum = b.Binary(BinaryKind.Add, wrong, x);
        b.Output("y", sum);

        var model = b.Analyze();

        AnalysisAssert.Single(model, "DSL0002", b.Node(dense).Site);
        AnalysisAssert.Shape(model, x, "[B, 1, 28, 28]");
        Assert.All(new[] { dense, relu, wrong, sum }, id => Assert.Null(model.Nodes[id].Type));
        Assert.All(new[] { dense, relu, wrong, sum }, id => Assert.Equal(0, model.Nodes[id].TrainableParameters));
        Assert.False(model.CanEmit);
    }

    [Fact]
    public void Independent_errors_are_all_reported()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 10);
        int first = b.Dropout(x, 2);
        int second = b.Softmax(x, 0);
        b.Output("a", first);
        b.Output("b", second);

        var model = b.Analyze();

        Assert.Equal(new[] { "DSL0007", "DSL0007" }, model.Diagnostics.Select(d => d.Id));
        Assert.Equal(new[] { b.Node(first).SiteOf("p"), b.Node(second).SiteOf("dim") }, model.Diagnostics.Select(d => d.Site));
    }

    [Fact]
    public void A_model_without_outputs_is_reported_at_the_class()
    {
        var b = new SpecBuilder("Empty");
        b.Relu(b.Input("x", 10));

        var model = b.Analyze();

        var error = AnalysisAssert.Single(model, "DSL0200", SpecBuilder.ClassSite);
        Assert.Equal(new[] { "Empty" }, error.Args.Items);
        Assert.False(model.CanEmit);
    }

    [Fact]
    public void A_forgotten_branch_gets_one_warning_at_its_end()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 1, 28, 28);
        int flat = b.Flatten(x);
        int used = b.Linear(flat, 10, name: "head");
        int branch = b.Linear(flat, 32, name: "aux");
        int end = b.Relu(branch);
        b.Output("y", used);

        var model = b.Analyze();

        var warning = AnalysisAssert.Single(model, "DSL0900", b.Node(end).Site);
        Assert.Equal(new[] { "Relu", "relu_1" }, warning.Args.Items);
        Assert.True(model.CanEmit);
        AnalysisAssert.Shape(model, end, "[B, 32]");
    }

    [Fact]
    public void An_unused_input_is_warned_about()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 10);
        b.Input("mask", 10);
        b.Output("y", b.Relu(x));

        var model = b.Analyze();

        var warning = Assert.Single(model.Diagnostics);
        Assert.Equal("DSL0900", warning.Id);
        Assert.Equal(new[] { "Input", "mask" }, warning.Args.Items);
        Assert.Equal("Input 'mask' does not reach any output or loss; remove it or connect it", SpecBuilder.Message(warning));
    }

    [Fact]
    public void A_node_read_before_it_is_declared_is_an_internal_error_not_a_crash()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 10);
        int relu = b.Add(new ActivationOp(ActivationKind.Relu), null, 5);
        b.Output("y", relu);
        b.Output("x", x);

        var model = b.Analyze();

        AnalysisAssert.Single(model, "DSL0106", b.Node(relu).Site);
        Assert.Null(model.Nodes[relu].Type);
    }

    [Fact]
    public void A_binary_op_with_one_input_is_an_internal_error_not_a_crash()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 10);
        int sum = b.Add(new BinaryOp(BinaryKind.Add), null, x);
        b.Output("y", sum);

        AnalysisAssert.Single(b.Analyze(), "DSL0106", b.Node(sum).Site);
    }

    [Fact]
    public void Analysis_is_a_value_so_the_pipeline_caches()
    {
        var b = new SpecBuilder();
        int conv = b.Conv2d(b.Input("x", 3, 32, 32), 8, 3, padding: PaddingSpec.Same);
        b.Output("y", conv);

        Assert.Equal(b.Analyze(), b.Analyze());
    }
}
