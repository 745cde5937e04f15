using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>A submodel's Apply / ApplyAll (g.Use&lt;T&gt;): its output for these inputs, inputs of the count and shapes it declares, and its forward called with its Inputs record.</summary>
public class ApplyTests
{
    [Fact]
    public void Apply_gives_the_submodels_output() => DefineBody.AssertEmits(
        "var tower = g.Use<Tower>(\"tower\"); g.Output(\"y\", tower.Apply(x));",
        "var tower_1 = this.tower.forward(new global::Tower.Inputs(x)); // [B, 16]",
        "var x = g.Input(\"x\", 1, 8, 8);",
        CompositionDiagnosticsTests.Tower);

    [Fact]
    public void DSL0312_apply_with_the_wrong_number_of_inputs() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var tower = g.Use<Tower>("tower");
                var a = g.Input("a", 1, 8, 8);
                var b = g.Input("b", 1, 8, 8);
                g.Output("y", tower.[|Apply(a, b)|]);
            }
        }
        """ + CompositionDiagnosticsTests.Tower,
        "DSL0312",
        "tower.Apply: 'Tower' takes 1 input(s) (image [B, 1, 8, 8]) but was given 2");

    [Fact]
    public void DSL0313_apply_with_an_input_of_the_wrong_shape() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var tower = g.Use<Tower>("tower");
                g.Output("y", tower.[|Apply(g.Input("digit", 1, 28, 28))|]);
            }
        }
        """ + CompositionDiagnosticsTests.Tower,
        "DSL0313",
        "tower.Apply: input 'image' of 'Tower' expects [B, 1, 8, 8] but got [B, 1, 28, 28]");

    [Fact]
    public void DSL0314_apply_on_a_model_with_several_outputs() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var heads = g.Use<TwoHeads>("heads");
                g.Output("y", heads.[|Apply(g.Input("x", 4))|]);
            }
        }
        """ + CompositionDiagnosticsTests.Tower,
        "DSL0314",
        "heads.Apply: 'TwoHeads' has 2 outputs (a, b); pick one with heads.ApplyAll(...)[\"a\"]");
}
