namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>DSL0100-0199: declarations the generator cannot read or evaluate.</summary>
public class ConstructDiagnosticsTests
{
    [Fact]
    public void DSL0100_non_partial_class() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public class [|Net|]
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
        }
        """,
        "DSL0100",
        "[Model] class 'Net' must be declared 'partial' so the generator can add the module members; write 'partial class Net'");

    [Fact]
    public void DSL0101_missing_Define() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class [|Net|]
        {
        }
        """,
        "DSL0101",
        "[Model] class 'Net' needs a method 'static void Define(Graph g)' that declares the graph");

    [Fact]
    public void DSL0101_Define_with_the_wrong_signature() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class [|Net|]
        {
            void Define(Graph g) { }
        }
        """,
        "DSL0101",
        "[Model] class 'Net' needs a method 'static void Define(Graph g)' that declares the graph; the existing Define must be static, return void and take one Dsl.Graph parameter");

    [Fact]
    public void DSL0102_unsupported_statement() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                [|try { x = x.Relu(); } finally { }|]
                g.Output("y", x);
            }
        }
        """,
        "DSL0102",
        "'try { x = x.Relu(); } finally { }' cannot be interpreted at compile time: this kind of statement is not supported; Define may use local variables, for / foreach / while loops, if / else, break / continue, return in helpers, and expression statements");

    [Fact]
    public void DSL0102_call_of_a_method_that_cannot_run_at_compile_time() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                int width = [|System.Environment.ProcessorCount.GetHashCode()|];
                g.Output("y", x.Linear(width));
            }
        }
        """,
        "DSL0102",
        "'System.Environment.ProcessorCount.GetHashCode()' cannot be interpreted at compile time: 'Int32.GetHashCode' cannot run at compile time; only DSL methods, Math.Min / Max / Abs, static helper methods and local functions declared in this project, List / Dictionary members and LINQ operators (Select, Where, Aggregate, Sum, ...) can");

    [Fact]
    public void DSL0103_non_constant_loop_bound() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                for (int i = 0; i < [|System.DateTime.Now.Second|]; i++)
                {
                    x = x.Linear(4).Relu();
                }
                g.Output("y", x);
            }
        }
        """,
        "DSL0103",
        "The loop condition must be known at compile time, but 'System.DateTime.Now.Second' is not; use literals, constants, locals or parameters computed from them");

    [Fact]
    public void DSL0104_runaway_loop() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                int n = 0;
                while ([|n >= 0|])
                {
                    n++;
                }
                g.Output("y", x);
            }
        }
        """,
        "DSL0104",
        "This loop ran more than 10000 iterations while interpreting Define; check its condition (the generator unrolls loops at compile time)");

    [Fact]
    public void DSL0105_unbounded_helper_recursion() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static Node Deep(Node x, int n) => [|Deep(x.Relu(), n + 1)|];

            static void Define(Graph g) => g.Output("y", Deep(g.Input("x", 4), 0));
        }
        """,
        "DSL0105",
        "Helper method 'Deep' is nested more than 32 calls deep while interpreting Define; recursion must end within that depth");

    [Fact]
    public void DSL0107_nested_model_class() => DiagnosticAssert.Single(
        """
        using Dsl;
        public partial class Outer
        {
            [Model]
            public partial class [|Net|]
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
            }
        }
        """,
        "DSL0107",
        "[Model] class 'Net' is nested in 'Outer'; declare it directly in a namespace");

    [Fact]
    public void DSL0107_record_model() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial record [|Net|]
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
        }
        """,
        "DSL0107",
        "[Model] class 'Net' is a record; declare it as a 'partial class' (the generated module is a class)");

    [Fact]
    public void DSL0109_node_used_before_it_has_a_value() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                Node? x = null;
                if (x == null) { g.Input("x", 4); }
                g.Output("y", [|x|]!.Linear(2));
            }
        }
        """,
        "DSL0109",
        "The node 'x' has no value here; assign it from g.Input(...) or a layer call before using it");

    [Fact]
    public void DSL0110_division_by_zero() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                int zero = 0;
                g.Output("y", g.Input("x", 4).Linear([|8 / zero|]));
            }
        }
        """,
        "DSL0110",
        "Evaluating '8 / zero' at compile time failed: it divides by zero");

    [Fact]
    public void DSL0007_argument_no_layer_accepts() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, [|0|]));
        }
        """,
        "DSL0007",
        "Conv2d: 'kernelSize' must be at least 1 but is 0");
}
