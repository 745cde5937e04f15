namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// DSL0310, DSL0311 and DSL0316: composition of models with g.Use, reported at the Use that is wrong (Apply's
/// DSL0312-0314 are in Ops/ApplyTests, the indexer's DSL0315 in Ops/OutputOfTests; <see cref="Tower"/> serves them all).
/// </summary>
public class CompositionDiagnosticsTests
{
    internal const string Tower = """

        [Model]
        public partial class Tower
        {
            static void Define(Graph g) => g.Output("embedding", g.Input("image", 1, 8, 8).Flatten().Linear(16));
        }

        [Model]
        public partial class TwoHeads
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                g.Output("a", x.Linear(2));
                g.Output("b", x.Linear(3));
            }
        }
        """;

    [Fact]
    public void DSL0310_models_that_use_each_other() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class A
        {
            static void Define(Graph g) => g.Output("y", g.Use<B>("b").Apply(g.Input("x", 4)));
        }

        [Model]
        public partial class B
        {
            static void Define(Graph g) => g.Output("y", g.[|Use<A>("a")|].Apply(g.Input("x", 4)));
        }
        """,
        "DSL0310",
        "Model 'B' uses 'A', which leads back to 'B' (A -> B -> A); a model cannot contain itself");

    [Fact]
    public void DSL0311_use_of_a_class_that_is_not_a_model() => DiagnosticAssert.Single(
        """
        using Dsl;
        public class Helper { }

        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.[|Use<Helper>("helper")|].Apply(g.Input("x", 4)));
        }
        """,
        "DSL0311",
        "g.Use<Helper>: 'Helper' is not a [Model] class; add [Model] to it and declare its graph in Define");

    [Fact]
    public void DSL0316_two_submodels_with_one_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 1, 8, 8);
                var first = g.Use<Tower>("tower");
                var second = g.Use<Tower>([|"tower"|]);
                g.Output("y", first.Apply(x) + second.Apply(x));
            }
        }
        """ + Tower,
        "DSL0316",
        "Submodel name 'tower' is already used by another submodel in model 'Net'; submodel names are state-dict prefixes and must be unique");
}

/// <summary>DSL0317-0318: shared blocks (g.Block) must see the same input and build the same layers at every application.</summary>
public class BlockDiagnosticsTests
{
    [Fact]
    public void DSL0317_shared_block_applied_to_another_shape() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var project = g.Block("proj", x => x.Linear(16).Relu());
                var a = project.Apply(g.Input("a", 8));
                var b = project.[|Apply(g.Input("b", 4))|];
                g.Output("y", a + b);
            }
        }
        """,
        "DSL0317",
        "Shared Linear 'proj_linear_1' was built for [B, 8] but this block application gives it [B, 4]: its weights depend on axis 1 (8 at the first application, 4 here); a shared block reuses its weights, so those sizes must match at every application (sizes the weights do not depend on, such as a sequence length, may differ)");

    [Fact]
    public void DSL0318_shared_block_that_builds_different_layers() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var deep = new[] { false };
                var project = g.Block("proj", x => deep[0] ? x.Linear(16).Relu().Linear(16) : x.Linear(16));
                var a = project.Apply(g.Input("a", 8));
                deep[0] = true;
                var b = project.[|Apply(g.Input("b", 8))|];
                g.Output("y", a + b);
            }
        }
        """,
        "DSL0318",
        "proj.Apply: this application creates Linear where the first created no further layer; the block's lambda must build the same layers every time (no conditions on the input)");
}
