using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Parsing;

/// <summary>
/// Ordinary C# in Define: collections of nodes, nullable nodes and null tests, deconstruction, local functions, LINQ
/// and static sizes; each model builds with no diagnostic and its generated module compiles without warnings. What
/// stays refused names the construct and what to write instead.
/// </summary>
public class PlainCSharpTests
{
    private static ModelSpec Compiles(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Equal("", run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        return Assert.Single(run.Specs);
    }

    private static string Refusal(string defineBody)
    {
        var run = GeneratorHarness.Run("using System.Linq; using System.Collections.Generic; using Dsl;\n[Model] public partial class M { static void Define(Graph g) { " + defineBody + " } }");
        return run.DslDiagnostics;
    }

    private static int Count<T>(ModelSpec spec) => spec.Nodes.Count(n => n.Op is T);

    [Fact]
    public void A_list_of_nodes_filled_in_a_loop_and_read_back_by_index_and_foreach()
    {
        var spec = Compiles("""
            using System.Collections.Generic;
            using Dsl;
            [Model]
            public partial class Pyramid
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 3, 32, 32);
                    var features = new List<Node>();
                    foreach (int width in new[] { 8, 16, 32 })
                    {
                        x = x.Conv2d(width, 3, padding: Padding.Same).Relu().MaxPool2d(2);
                        features.Add(x.GlobalAvgPool2d());
                    }
                    List<Node> heads = [];
                    for (int i = 0; i < features.Count; i++)
                    {
                        heads.Add(features[i].Linear(4, name: $"head{i}"));
                    }
                    g.Output("y", heads[0] + heads[1] + heads[2]);
                }
            }
            """);

        Assert.Equal(new[] { "head0", "head1", "head2" }, spec.Nodes.Where(n => n.Op is LinearOp).Select(n => n.Name));
    }

    [Fact]
    public void A_nullable_node_with_null_tests_accumulates_skips()
    {
        var spec = Compiles("""
            using Dsl;
            [Model]
            public partial class Skips
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 16);
                    Node? skips = null;
                    for (int i = 0; i < 3; i++)
                    {
                        var skip = x.Linear(16).Relu();
                        skips = skips is null ? skip : skips + skip;
                        x = skip;
                    }
                    Node? nothing = null;
                    var extra = nothing?.Relu();
                    if (extra is not null || skips == null) { x = x.Linear(99); }
                    g.Output("y", skips ?? x);
                }
            }
            """);

        Assert.Equal(3, Count<LinearOp>(spec));
        Assert.Equal(2, spec.Nodes.Count(n => n.Op is BinaryOp { Operator: BinaryKind.Add }));
    }

    [Fact]
    public void A_dictionary_of_named_nodes_with_an_initializer_and_deconstructed_pairs()
    {
        var spec = Compiles("""
            using System.Collections.Generic;
            using Dsl;
            [Model]
            public partial class Named
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 8);
                    var taps = new Dictionary<string, Node> { ["low"] = x.Linear(4) };
                    taps.Add("high", x.Linear(4));
                    taps["mid"] = x.Linear(4);
                    foreach (var (name, tap) in taps)
                    {
                        g.Output(name, tap.Relu());
                    }
                    foreach (var pair in taps)
                    {
                        if (pair.Key == "mid" && taps.ContainsKey("low")) g.Output("mid_twice", pair.Value * 2);
                    }
                }
            }
            """);

        Assert.Equal(new[] { "low", "high", "mid", "mid_twice" }, spec.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Split_and_chunk_deconstruct_into_locals_and_tuples_come_back_from_helpers()
    {
        var spec = Compiles("""
            using Dsl;
            [Model]
            public partial class Gated
            {
                static (Node Value, Node Gate) Halves(Node x)
                {
                    var (value, gate) = x.Chunk(2, -1);
                    return (value, gate.Sigmoid());
                }

                static void Define(Graph g)
                {
                    var x = g.Input("x", 32).Linear(64);
                    var (value, gate) = Halves(x);
                    var halves = Halves(x);
                    var (a, b, c) = x.Split(new[] { 16, 16, 32 }, -1);
                    g.Output("y", value * gate + halves.Value * halves.Item2 + Ops.Concat(-1, a, b));
                    g.Output("c", c);
                }
            }
            """);

        Assert.Equal(2 + 2 + 3, Count<SplitOp>(spec));
        Assert.Equal(2, spec.Nodes.Count(n => n.Op is ActivationOp));
    }

    [Fact]
    public void Local_functions_read_and_assign_the_locals_of_Define()
    {
        var spec = Compiles("""
            using Dsl;
            [Model]
            public partial class Local
            {
                static void Define(Graph g)
                {
                    int blocks = 0;
                    var x = g.Input("x", 8);
                    x = Block(Block(x));
                    Node a = x, b = x.Relu();
                    Swap();
                    g.Output("y", a);
                    g.Output("z", b);

                    void Swap() => (a, b) = (b, a);

                    Node Block(Node input)
                    {
                        blocks++;
                        return input.Linear(8, name: $"block{blocks}").Relu();
                    }
                }
            }
            """);

        Assert.Equal(new[] { "block1", "block2" }, spec.Nodes.Where(n => n.Op is LinearOp).Select(n => n.Name));
        // The swap inside the local function assigned Define's own locals: 'y' is the Relu, 'z' the block's output.
        Assert.IsType<ActivationOp>(spec.Nodes[spec.Outputs[0].Node].Op);
        Assert.Equal("block2", spec.Nodes[spec.Nodes[spec.Outputs[1].Node].Inputs[0]].Name);
    }

    [Fact]
    public void Linq_select_aggregate_and_sum_evaluate_at_compile_time()
    {
        var spec = Compiles("""
            using System;
            using System.Linq;
            using Dsl;
            [Model]
            public partial class Branches
            {
                static Node Branch(Node x, int width) => x.Linear(width).Relu();

                static void Define(Graph g)
                {
                    var x = g.Input("x", 8);
                    int[] widths = { 4, 8, 12 };
                    var branches = widths.Select(w => Branch(x, w)).ToArray();
                    var concatenated = Ops.Concat(-1, branches);
                    int total = widths.Sum();
                    int wide = widths.Where(w => w > 4).Sum(w => w / 4);
                    Func<Node, Node> head = n => n.Linear(total + wide);
                    var merged = Enumerable.Range(0, 3).Select(i => x.Linear(5)).Aggregate((a, b) => a + b);
                    g.Output("y", head(concatenated));
                    g.Output("z", merged);
                }
            }
            """);

        var linears = spec.Nodes.Where(n => n.Op is LinearOp).Select(n => ((LinearOp)n.Op).OutFeatures).ToList();
        Assert.Equal(new[] { 4, 8, 12, 29, 5, 5, 5 }.OrderBy(v => v), linears.OrderBy(v => v));
        Assert.Equal(2, spec.Nodes.Count(n => n.Op is BinaryOp { Operator: BinaryKind.Add }));
    }

    [Fact]
    public void A_squeeze_excitation_helper_reads_its_channel_count_from_the_node()
    {
        var spec = Compiles("""
            using Dsl;
            [Model]
            public partial class Squeeze
            {
                static Node SqueezeExcite(Node x, int ratio = 4)
                {
                    int channels = x.Size(1);
                    var scale = x.GlobalAvgPool2d().Linear(channels / ratio).Relu().Linear(channels).Sigmoid();
                    return x * scale.Reshape(channels, 1, 1);
                }

                static void Define(Graph g)
                {
                    var x = g.Input("image", 3, 16, 16).Conv2d(32, 3);
                    x = SqueezeExcite(x);
                    g.Output("y", x.Size(-1) == 14 ? x : x.Relu());
                }
            }
            """);

        Assert.Equal(new[] { 8, 32 }, spec.Nodes.Where(n => n.Op is LinearOp).Select(n => ((LinearOp)n.Op).OutFeatures));
        Assert.Equal(1, spec.Nodes.Count(n => n.Op is ActivationOp { Activation: ActivationKind.Relu }));
    }

    [Fact]
    public void A_symbolic_or_batch_size_read_where_a_number_is_needed_is_DSL0006_at_the_call()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Symbolic
            {
                static void Define(Graph g)
                {
                    var x = g.Input("tokens", Dim.Of("T"), 16);
                    int steps = x.Size(1);
                    int batch = x.Size(0);
                    g.Output("y", x.Linear(x.Size(-1)));
                }
            }
            """);

        var diagnostics = run.Diagnostics;
        Assert.Equal(new[] { "DSL0006", "DSL0006" }, diagnostics.Select(d => d.Id));
        Assert.Contains("symbolic dimension 'T'", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("axis 0 is the batch", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Size(1)", diagnostics[0].Location.SourceTree!.GetText().ToString(diagnostics[0].Location.SourceSpan));
    }

    [Theory]
    [InlineData("var s = new System.Collections.Generic.HashSet<Node>();", "DSL0102", "'new System.Collections.Generic.HashSet<Dsl.Node>' cannot run at compile time; Define may use arrays, List<T> and Dictionary<K, V>")]
    [InlineData("var l = new List<Node>(); l.Sort();", "DSL0102", "'List.Sort' cannot run at compile time; Define may use arrays, List<T> and Dictionary<K, V>")]
    [InlineData("var l = new[] { 1 }.OrderBy(i => i).ToArray();", "DSL0102", "'Enumerable.OrderBy' cannot run at compile time; Define may use arrays")]
    [InlineData("var (a, b) = g.Input(\"x\", 8).Chunk(4, -1);", "DSL0110", "it deconstructs 4 element(s) into 2 variables")]
    [InlineData("var x = g.Input(\"x\", 8); var n = new List<Node> { x }[3];", "DSL0110", "index 3 is outside the list of 1 element(s)")]
    [InlineData("var d = new Dictionary<string, int>(); int n = d[\"a\"];", "DSL0110", "the dictionary has no key \"a\"")]
    [InlineData("System.Action a = () => System.Console.WriteLine(); a();", "DSL0102", "'Console.WriteLine' cannot run at compile time")]
    public void A_refused_construct_names_itself_and_the_supported_alternative(string body, string id, string message)
    {
        string reported = Refusal(body);
        Assert.Contains(id + ": ", reported);
        Assert.Contains(message, reported);
    }
}
