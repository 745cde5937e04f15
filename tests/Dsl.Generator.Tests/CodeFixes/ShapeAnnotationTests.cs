using System.Threading.Tasks;

namespace Dsl.Generator.Tests.CodeFixes;

/// <summary>"Annotate shapes" writes each statement's inferred shape as a trailing comment, and refreshes it.</summary>
public class ShapeAnnotationTests
{
    private const string Model = """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var image = g.Input("image", 1, 28, 28);
                var features = image.Conv2d(32, 3).Relu()
                    .MaxPool2d(2);
                var x = features;
                for (int i = 0; i < 2; i++)
                {
                    x = Block(x, 64);
                }

                var logits = x.Flatten().Linear(10); // the classifier
                g.Output("logits", logits);
            }

            static Node Block(Node input, int channels)
            {
                return input.Conv2d(channels, 3).Relu();
            }
        }
        """;

    [Fact]
    public async Task Each_statement_gets_its_shape_and_a_helper_run_twice_gets_both()
    {
        string? annotated = await CodeFixHarness.AnnotateAsync(Model, "Define");

        Assert.NotNull(annotated);
        Assert.Contains("var image = g.Input(\"image\", 1, 28, 28); // [B, 1, 28, 28]", annotated);
        Assert.Contains("        .MaxPool2d(2); // [B, 32, 13, 13]", annotated);
        Assert.Contains("return input.Conv2d(channels, 3).Relu(); // [B, 64, 11, 11] | [B, 64, 9, 9]", annotated);
        Assert.Contains("x = Block(x, 64);\n", annotated.Replace("\r\n", "\n"));
        // A comment of the user's is kept; statements without a node (g.Output, var x = features) get none.
        Assert.Contains("var logits = x.Flatten().Linear(10); // the classifier", annotated);
        Assert.Contains("g.Output(\"logits\", logits);\n", annotated.Replace("\r\n", "\n"));
        Assert.True(CodeFixHarness.DslDiagnostics(annotated).IsEmpty);
    }

    [Fact]
    public async Task Annotating_again_after_an_edit_refreshes_the_shapes()
    {
        string annotated = (await CodeFixHarness.AnnotateAsync(Model, "Define"))!;
        string edited = annotated.Replace("Conv2d(32, 3)", "Conv2d(16, 5)");

        string? refreshed = await CodeFixHarness.AnnotateAsync(edited, "Define");

        Assert.NotNull(refreshed);
        Assert.Contains(".MaxPool2d(2); // [B, 16, 12, 12]", refreshed);
        Assert.DoesNotContain("[B, 32, 13, 13]", refreshed);
        Assert.Null(await CodeFixHarness.AnnotateAsync(refreshed, "Define"));
    }

    [Fact]
    public async Task Not_offered_outside_a_model()
    {
        Assert.Null(await CodeFixHarness.AnnotateAsync("public class Plain { void M() { var x = 1; } }", "M()"));
    }
}
