using System.Linq;
using System.Threading.Tasks;

namespace Dsl.Generator.Tests.CodeFixes;

/// <summary>
/// Every code fix, applied as an editor applies it: the edit is the expected one, and the fixed source builds
/// with no DSL error (the one exception, adding Define, leaves the next step's DSL0200: declare an output).
/// </summary>
public class CodeFixTests
{
    private static void AssertNoDslDiagnostics(params string[] sources)
    {
        var left = CodeFixHarness.DslDiagnostics(sources);
        Assert.True(left.IsEmpty, "the fixed source still has:\n" + GeneratorHarness.Describe(left) + "\n" + string.Join("\n---\n", sources));
    }

    [Fact]
    public async Task Flatten_is_inserted_before_a_Linear_on_a_feature_map()
    {
        var (fixedSources, title) = await CodeFixHarness.FixAsync("DSL0002", """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var features = g.Input("image", 1, 28, 28).Conv2d(8, 3).Relu();
                    g.Output("logits", features.Linear(10));
                }
            }
            """);

        Assert.Equal("Insert .Flatten() before this layer", title);
        Assert.Contains("g.Output(\"logits\", features.Flatten().Linear(10));", fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task Flatten_keeps_a_chain_written_one_call_a_line()
    {
        var (fixedSources, _) = await CodeFixHarness.FixAsync("DSL0002", """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var logits = g.Input("image", 1, 28, 28)
                        .Conv2d(8, 3)
                        .Relu()
                        .Linear(10);
                    g.Output("logits", logits);
                }
            }
            """);

        Assert.Contains("            .Relu().Flatten()\n            .Linear(10);", fixedSources[0].Replace("\r\n", "\n"));
        AssertNoDslDiagnostics(fixedSources);
    }

    [Theory]
    [InlineData("g.Input(\"x\", 16).BatchNorm2d()", "g.Input(\"x\", 16).BatchNorm1d()", "Use BatchNorm1d")]
    [InlineData("g.Input(\"x\", 3, 8, 8).BatchNorm1d()", "g.Input(\"x\", 3, 8, 8).BatchNorm2d()", "Use BatchNorm2d")]
    public async Task BatchNorm_follows_the_input_rank(string wrong, string right, string expectedTitle)
    {
        var (fixedSources, title) = await CodeFixHarness.FixAsync("DSL0002", $$"""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g) => g.Output("y", {{wrong}});
            }
            """);

        Assert.Equal(expectedTitle, title);
        Assert.Contains(right, fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task Padding_Same_on_the_convolutions_that_shrink_a_residual_branch()
    {
        var (fixedSources, title) = await CodeFixHarness.FixAsync("DSL0001", """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 16, 28, 28);
                    var branch = x.Conv2d(16, 3).Relu().Conv2d(16, 3, 1, Padding.Valid);
                    g.Output("y", x + branch);
                }
            }
            """);

        Assert.Equal("Use Padding.Same on the 2 convolutions that shrink this branch", title);
        Assert.Contains("x.Conv2d(16, 3, padding: Padding.Same).Relu().Conv2d(16, 3, 1, Padding.Same);", fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task Padding_Same_on_a_UNet_skip_whose_convolutions_are_unpadded()
    {
        var (fixedSources, _) = await CodeFixHarness.FixAsync("DSL0005", """
            namespace Models;
            [Dsl.Model]
            public partial class UNetBlock
            {
                static void Define(Dsl.Graph g)
                {
                    var x = g.Input("image", 8, 32, 32);
                    var down = x.Conv2d(8, 3).Relu();
                    var merged = Dsl.Ops.Concat(1, x, down);
                    g.Output("y", merged);
                }
            }
            """);

        Assert.Contains("var down = x.Conv2d(8, 3, padding: Dsl.Padding.Same).Relu();", fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task No_padding_fix_where_Same_would_not_make_the_shapes_agree()
    {
        // The branch also halves the size with a stride: Same padding alone cannot give 28 x 28 back.
        string source = """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 16, 28, 28);
                    g.Output("y", x - x.Conv2d(16, 3).MaxPool2d(2));
                }
            }
            """;

        Assert.Empty(await CodeFixHarness.OfferedAsync("DSL0001", source));
    }

    [Theory]
    [InlineData("x + y", "x.Conv2d(64, 1, stride: 2) + y")]
    [InlineData("y + x", "y + x.Conv2d(64, 1, stride: 2)")]
    public async Task A_projection_shortcut_for_a_residual_whose_channels_and_strides_differ(string sum, string projected)
    {
        var (fixedSources, title) = await CodeFixHarness.FixAsync("DSL0001", $$"""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 32, 28, 28);
                    var y = x.Conv2d(64, 3, stride: 2, padding: Padding.Same).BatchNorm2d().Relu();
                    g.Output("y", {{sum}});
                }
            }
            """);

        Assert.Equal("Project the shortcut with .Conv2d(64, 1, stride: 2)", title);
        Assert.Contains($"g.Output(\"y\", {projected});", fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task A_projection_shortcut_for_channels_only_has_no_stride()
    {
        var (fixedSources, _) = await CodeFixHarness.FixAsync("DSL0001", """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 32, 14, 14);
                    g.Output("y", x + x.Conv2d(48, 3, padding: Padding.Same));
                }
            }
            """);

        Assert.Contains("x.Conv2d(48, 1) + x.Conv2d(48, 3, padding: Padding.Same)", fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task No_fix_is_guessed_for_two_unrelated_branches()
    {
        string source = """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var a = g.Input("a", 32, 14, 14);
                    var b = g.Input("b", 16, 14, 14);
                    g.Output("y", a + b);
                }
            }
            """;

        Assert.Empty(await CodeFixHarness.OfferedAsync("DSL0001", source));
    }

    [Fact]
    public async Task The_model_class_is_made_partial()
    {
        var (fixedSources, title) = await CodeFixHarness.FixAsync("DSL0100", """
            using Dsl;
            [Model]
            public sealed class Net
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
            }
            """);

        Assert.Equal("Make the model class partial", title);
        Assert.Contains("public sealed partial class Net", fixedSources[0]);
        AssertNoDslDiagnostics(fixedSources);
    }

    [Fact]
    public async Task An_empty_Define_is_added_and_the_next_step_is_to_declare_an_output()
    {
        var (fixedSources, title) = await CodeFixHarness.FixAsync("DSL0101", """
            using Dsl;
            namespace Models
            {
                [Model]
                public partial class Net
                {
                    public int Other => 1;
                }
            }
            """);

        Assert.Equal("Add 'static void Define(Graph g)'", title);
        Assert.Contains(
            "        public int Other => 1;\n        static void Define(Graph g)\n        {\n            // Declare the inputs (g.Input), the layers and the outputs (g.Output) of the model.\n        }\n    }\n}",
            fixedSources[0].Replace("\r\n", "\n"));
        Assert.Equal(new[] { "DSL0200" }, CodeFixHarness.DslDiagnostics(fixedSources).Select(d => d.Id));
    }

    [Fact]
    public async Task A_diagnostic_without_a_known_fix_offers_nothing()
    {
        string source = """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2).Conv2d(4, 3));
            }
            """;

        Assert.Empty(await CodeFixHarness.OfferedAsync("DSL0002", source));
    }
}
