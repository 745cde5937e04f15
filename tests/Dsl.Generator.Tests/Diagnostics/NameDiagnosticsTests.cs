namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Names of layers, inputs and outputs (DSL0202, DSL0300-0302).</summary>
public class NameDiagnosticsTests
{
    [Fact]
    public void DSL0300_duplicate_layer_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4).Linear(8, name: "dense").Relu();
                g.Output("y", x.Linear(2, name: [|"dense"|]));
            }
        }
        """,
        "DSL0300",
        "Layer name 'dense' is already used by another Linear in model 'Net'; layer names are state-dict keys and must be unique");

    [Fact]
    public void DSL0202_duplicate_output_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                g.Output("y", x.Linear(2));
                g.Output([|"y"|], x.Linear(3));
            }
        }
        """,
        "DSL0202",
        "Output 'y' is declared twice; give every output its own name");

    [Fact]
    public void DSL0301_reserved_layer_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2, name: [|"Info"|]));
        }
        """,
        "DSL0301",
        "'Info' cannot be used as a layer name: it is reserved for a member of the generated module; choose another name");

    [Fact]
    public void DSL0301_name_that_is_not_an_identifier() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output([|"my output"|], g.Input("x", 4).Linear(2));
        }
        """,
        "DSL0301",
        "'my output' cannot be used as an output name: use ASCII letters, digits and '_', starting with a letter or '_'");
}
