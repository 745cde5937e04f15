using System.Linq;
using System.Threading.Tasks;
using Dsl.CodeFixes;

namespace Dsl.Generator.Tests.CodeFixes;

/// <summary>
/// Fix All as <c>dotnet format analyzers</c> runs it: one action for every fixable id fixes every kind of fix,
/// leaves an unfixable mistake alone even when it is the first one reported, and fixes a mistake that an earlier
/// error of the same model hid.
/// </summary>
public class FixAllTests
{
    private static readonly string[] AllIds = new DslCodeFixProvider().FixableDiagnosticIds.ToArray();

    private const string Models = """
        using Dsl;
        namespace Models
        {
            [Model]
            public partial class Unrelated
            {
                static void Define(Graph g) => g.Output("y", g.Input("a", 32, 14, 14) + g.Input("b", 16, 14, 14));
            }

            [Model]
            public partial class Head
            {
                static void Define(Graph g) => g.Output("logits", g.Input("image", 1, 28, 28).Conv2d(8, 3).Relu().Linear(10));
            }

            [Model]
            public partial class Norm
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 16).BatchNorm2d());
            }

            [Model]
            public partial class Residual
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 16, 28, 28);
                    g.Output("y", x + x.Conv2d(16, 3).Relu());
                }
            }

            [Model]
            public partial class Downsample
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 32, 28, 28);
                    var y = x.Conv2d(64, 3, stride: 2, padding: Padding.Same);
                    g.Output("y", x + y);
                }
            }

            [Model]
            public partial class Skip
            {
                static void Define(Graph g)
                {
                    var x = g.Input("image", 8, 32, 32);
                    g.Output("y", Ops.Concat(1, x, x.Conv2d(8, 3).Relu()));
                }
            }

            [Model]
            public class Sealed
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
            }

            [Model]
            public partial class TwoMistakes
            {
                static void Define(Graph g) => g.Output("logits", g.Input("image", 1, 28, 28).Conv2d(8, 3).BatchNorm1d().Relu().Linear(10));
            }

            [Model]
            public partial class SameLine
            {
                static void Define(Graph g)
                {
                    var image = g.Input("image", 1, 28, 28);
                    var map = g.Input("map", 16, 28, 28);
                    g.Output("logits", image.Conv2d(8, 3).Linear(10)); g.Output("y", map + map.Conv2d(16, 3));
                }
            }

            [Model]
            public partial class Empty
            {
            }
        }
        """;

    [Fact]
    public async Task One_fix_all_applies_every_kind_and_leaves_the_unfixable_mistake()
    {
        var before = CodeFixHarness.DslDiagnostics(Models);
        Assert.Equal("DSL0001", before.OrderBy(d => d.Location.SourceSpan.Start).First().Id); // the first one reported has no fix
        // The Linear of TwoMistakes is hidden behind its BatchNorm1d: inference stops at a model's first error.
        Assert.Single(before, d => d.Id == "DSL0002" && d.GetMessage().StartsWith("BatchNorm1d", System.StringComparison.Ordinal));
        Assert.Equal(2, before.Count(d => d.Id == "DSL0002" && d.GetMessage().StartsWith("Linear", System.StringComparison.Ordinal))); // Head's and SameLine's

        string fixedSource = (await CodeFixHarness.FixAllAsync(AllIds, Models)).Single();

        Assert.Contains("g.Input(\"image\", 1, 28, 28).Conv2d(8, 3).Relu().Flatten().Linear(10)", fixedSource);
        Assert.Contains("g.Input(\"x\", 16).BatchNorm1d()", fixedSource);
        Assert.Contains("x + x.Conv2d(16, 3, padding: Padding.Same).Relu()", fixedSource);
        Assert.Contains("x.Conv2d(64, 1, stride: 2) + y", fixedSource);
        Assert.Contains("Ops.Concat(1, x, x.Conv2d(8, 3, padding: Padding.Same).Relu())", fixedSource);
        Assert.Contains("public partial class Sealed", fixedSource);
        // Two independent mistakes on one line of one Define, fixed in the same round.
        Assert.Contains("g.Output(\"logits\", image.Conv2d(8, 3).Flatten().Linear(10)); g.Output(\"y\", map + map.Conv2d(16, 3, padding: Padding.Same));", fixedSource);
        // Two mistakes in one chain: BatchNorm2d for the map, then (once its shape is known) Flatten before Linear.
        Assert.Contains("Conv2d(8, 3).BatchNorm2d().Relu().Flatten().Linear(10)", fixedSource);
        Assert.Contains("    {\n        static void Define(Graph g)\n        {\n            // Declare", fixedSource.Replace("\r\n", "\n"));
        Assert.Contains("g.Input(\"a\", 32, 14, 14) + g.Input(\"b\", 16, 14, 14)", fixedSource);

        // What is left: the unrelated branches (no fix is guessed) and the empty Define's next step, an output.
        var after = CodeFixHarness.DslDiagnostics(fixedSource);
        Assert.Equal(new[] { "DSL0001", "DSL0200" }, after.Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public async Task Fix_all_for_one_id_fixes_only_that_id()
    {
        string fixedSource = (await CodeFixHarness.FixAllAsync(new[] { "DSL0100" }, Models)).Single();

        Assert.Contains("public partial class Sealed", fixedSource);
        Assert.Contains(".Conv2d(8, 3).Relu().Linear(10)", fixedSource); // DSL0002 was not asked for
    }
}
