using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>ApplyAll(...)["name"]: one named output of a submodel, with its own shape, an unknown name reported with the names there are, and the member of the outputs record read.</summary>
public class OutputOfTests
{
    [Fact]
    public void An_output_is_read_by_its_name() => DefineBody.AssertEmits(
        "var heads = g.Use<TwoHeads>(\"heads\"); g.Output(\"y\", heads.ApplyAll(x)[\"b\"]);",
        "var b_1 = heads_1.B; // [B, 3]",
        "var x = g.Input(\"x\", 4);",
        CompositionDiagnosticsTests.Tower);

    [Fact]
    public void DSL0315_unknown_output_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var heads = g.Use<TwoHeads>("heads");
                g.Output("y", [|heads.ApplyAll(g.Input("x", 4))["c"]|]);
            }
        }
        """ + CompositionDiagnosticsTests.Tower,
        "DSL0315",
        "heads.ApplyAll(...)[\"c\"]: 'TwoHeads' has no output 'c'; its outputs are a, b");
}
