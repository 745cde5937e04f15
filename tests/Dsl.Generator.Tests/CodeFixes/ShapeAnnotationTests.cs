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
        Assert.Contains("var image = g.Input(\"image\", 1, 28, 28); // [B, C:1, H:28, W:28]", annotated);
        Assert.Contains("        .MaxPool2d(2); // [B, C:32, H:13, W:13]", annotated);
        Assert.Contains("return input.Conv2d(channels, 3).Relu(); // [B, C:64, H:11, W:11] | [B, C:64, H:9, W:9]", annotated);
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
        Assert.Contains(".MaxPool2d(2); // [B, C:16, H:12, W:12]", refreshed);
        Assert.DoesNotContain("H:13", refreshed);
        Assert.Null(await CodeFixHarness.AnnotateAsync(refreshed, "Define"));
    }

    [Fact]
    public async Task A_comment_written_before_roles_is_replaced_and_a_users_comment_is_kept()
    {
        // Annotations in the form before axis roles, a stale one of the new form, and comments of the user's that
        // start with a shape but say more.
        string written = Model
            .Replace("var image = g.Input(\"image\", 1, 28, 28);", "var image = g.Input(\"image\", 1, 28, 28); // [B, 1, 28, 28]")
            .Replace(".MaxPool2d(2);", ".MaxPool2d(2); // [B, 32, 13, 13] | [B, 32, 12, 12]")
            .Replace("return input.Conv2d(channels, 3).Relu();", "return input.Conv2d(channels, 3).Relu(); // [B, C:8, H:(H - 1) / 2, W:2]")
            .Replace("// the classifier", "// [B, 10] logits, before the softmax");

        string? annotated = await CodeFixHarness.AnnotateAsync(written, "Define");

        Assert.NotNull(annotated);
        Assert.Contains("var image = g.Input(\"image\", 1, 28, 28); // [B, C:1, H:28, W:28]\n", annotated.Replace("\r\n", "\n"));
        Assert.Contains(".MaxPool2d(2); // [B, C:32, H:13, W:13]\n", annotated.Replace("\r\n", "\n"));
        Assert.Contains("return input.Conv2d(channels, 3).Relu(); // [B, C:64, H:11, W:11] | [B, C:64, H:9, W:9]\n", annotated.Replace("\r\n", "\n"));
        Assert.Contains("var logits = x.Flatten().Linear(10); // [B, 10] logits, before the softmax\n", annotated.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Class_scores_and_sequences_are_annotated_with_their_roles()
    {
        const string Sequence = """
            using Dsl;
            [Model]
            public partial class Tagger
            {
                static void Define(Graph g)
                {
                    var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                    var h = tokens.Embedding(100, 32).Lstm(16);
                    var scores = h.Linear(5);
                    g.Output("scores", scores);
                    g.Loss("tags", scores, Loss.CrossEntropy());
                }
            }
            """;

        string? annotated = await CodeFixHarness.AnnotateAsync(Sequence, "Define");

        Assert.NotNull(annotated);
        Assert.Contains("var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\")); // [B, T]", annotated);
        Assert.Contains("var h = tokens.Embedding(100, 32).Lstm(16); // [B, T, F:16]", annotated);
        Assert.Contains("var scores = h.Linear(5); // [B, T, K:5]", annotated);
    }

    [Fact]
    public async Task Not_offered_outside_a_model()
    {
        Assert.Null(await CodeFixHarness.AnnotateAsync("public class Plain { void M() { var x = 1; } }", "M()"));
    }
}
