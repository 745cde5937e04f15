using System.Globalization;
using System.Linq;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Cross entropy and NLL beyond [B, C]: the class axis read from the prediction's layout or stated with
/// <c>classDim:</c>, <c>ignoreIndex:</c>, per-position masks, losses on nodes that are no output, and next-token targets
/// read from the model's own int64 input.
/// </summary>
public class SequenceLossTests
{
    private static GeneratorRun Run(string body) => GeneratorHarness.Run(Source(body));

    private static string Source(string body) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
        {{body}}
            }
        }
        """;

    private static string Clean(GeneratorRun run)
    {
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        return run.GeneratedSource("Net");
    }

    [Fact]
    public void A_features_last_sequence_takes_one_class_index_per_position()
    {
        string source = Clean(Run("""
                var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                var logits = tokens.Embedding(100, 16).Lstm(32).Linear(100);
                g.Output("logits", logits);
                g.Loss("next", logits, Loss.CrossEntropy());
            """));

        Assert.Contains("<param name=\"Next\">next: [B, T] int64", source);
        Assert.Contains("LossFunctions.CrossEntropy(outputs.Logits, targets.Next, classDim: 2)", source);
        Assert.Contains("ClassDim = 2", source);
    }

    [Fact]
    public void Layer_norm_and_element_wise_ops_keep_features_last()
    {
        string source = Clean(Run("""
                var x = g.Input("x", 6, 8);
                var logits = (x.Linear(8).LayerNorm(1).Gelu() * 0.5).Dropout(0.1).Linear(5);
                var scaled = logits.Relu() + logits;
                g.Output("scaled", scaled);
                g.Loss("label", scaled, Loss.Nll());
            """));

        Assert.Contains("<param name=\"Label\">label: [B, 6] int64", source);
        Assert.Contains("LossFunctions.Nll(outputs.Scaled, targets.Label, classDim: 2)", source);
    }

    [Fact]
    public void A_channels_first_segmentation_map_takes_one_class_index_per_pixel()
    {
        string source = Clean(Run("""
                var image = g.Input("image", 3, 16, 16);
                var logits = image.Conv2d(8, 3, padding: Padding.Same).Relu().MaxPool2d(2).UpSample2d(2).Conv2d(4, 1);
                g.Output("logits", logits);
                g.Loss("segments", logits, Loss.CrossEntropy());
            """));

        Assert.Contains("<param name=\"Segments\">segments: [B, 16, 16] int64", source);
        Assert.Contains("LossFunctions.CrossEntropy(outputs.Logits, targets.Segments)", source);
        Assert.DoesNotContain("classDim", source);
    }

    [Theory]
    [InlineData("1", "[B, 10] int64", "LossFunctions.CrossEntropy(outputs.Scores, targets.T)")]
    [InlineData("-1", "[B, 5] int64", "LossFunctions.CrossEntropy(outputs.Scores, targets.T, classDim: 2)")]
    [InlineData("2", "[B, 5] int64", "LossFunctions.CrossEntropy(outputs.Scores, targets.T, classDim: 2)")]
    public void A_stated_class_axis_decides_where_the_layout_does_not(string classDim, string target, string call)
    {
        string source = Clean(Run($$"""
                var scores = g.Input("x", 50).Linear(50).Reshape(5, 10);
                g.Output("scores", scores);
                g.Loss("t", scores, Loss.CrossEntropy(classDim: {{classDim}}));
            """));

        Assert.Contains($"<param name=\"T\">t: {target}", source);
        Assert.Contains(call, source);
    }

    [Theory]
    [InlineData("0", "(dim 0 is the batch)")]
    [InlineData("3", "use 1 to 2 or -2 to -1")]
    [InlineData("-3", "(dim 0 is the batch)")]
    public void A_class_axis_out_of_range_is_reported_at_its_argument(string classDim, string message)
    {
        var run = Run($$"""
                var scores = g.Input("x", 5).Linear(50).Reshape(5, 10);
                g.Output("scores", scores);
                g.Loss("t", scores, Loss.CrossEntropy(classDim: {{classDim}}));
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        string text = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains($"'classDim' {classDim} is not a class axis of 'scores' [B, 5, 10]", text);
        Assert.Contains(message, text);
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(classDim, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void The_ambiguous_case_names_both_readings_and_the_fix()
    {
        var run = Run("""
                var scores = (g.Input("x", 7, 3) * 2.0).Relu();
                g.Output("scores", scores);
                g.Loss("t", scores, Loss.Nll());
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0211", diagnostic.Id);
        string text = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("classes on dim 1 (channels first) would make the target [B, 3] int64", text);
        Assert.Contains("classes last (features last) would make it [B, 7] int64", text);
        Assert.Contains("Loss.Nll(classDim: 1) or Loss.Nll(classDim: -1)", text);
        Assert.Contains("(the input 'x' [B, 7, 3] is no image, so its layout is not known)", text);
    }

    [Fact]
    public void The_pytorch_idiom_of_moving_the_classes_to_dim_1_reads_a_node_that_is_no_output()
    {
        const string Body = """
                var tokens = g.Input("tokens", DType.Int64, 12);
                var logits = tokens.Embedding(30, 8).Linear(30);
                g.Output("logits", logits);
                g.Loss("tokens_next", logits.Transpose(1, 2), Loss.CrossEntropy());
            """;
        var run = Run(Body);
        string source = Clean(run);

        Assert.Contains("<param name=\"TokensNext\">tokens_next: [B, 12] int64", source);
        // The transposed logits travel as a loss-only member, not as an output, and the step hands them to the metrics.
        Assert.Contains("public global::TorchSharp.torch.Tensor? Transpose1 { get; init; }", source);
        Assert.Contains("LossFunctions.CrossEntropy(outputs.Transpose1 ?? throw", source);
        Assert.Contains("byName[\"transpose_1\"] = outputs.Transpose1!;", source);
        Assert.DoesNotContain("new global::Dsl.Metadata.TensorInfo(\"transpose_1\"", source);
        Assert.Contains("public sealed record Outputs(global::TorchSharp.torch.Tensor Logits)", source);

        // The ONNX graph has the declared output only.
        var withOnnx = GeneratorHarness.RunWithOnnx(Source(Body));
        string onnx = withOnnx.Generated.Single(g => g.HintName.EndsWith("Net.Onnx.g.cs", System.StringComparison.Ordinal)).Source;
        var outputs = onnx.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("g.Output(", System.StringComparison.Ordinal)).ToList();
        Assert.Equal("g.Output(\"logits\", \"float[B,12,30]\");", Assert.Single(outputs));
    }

    [Fact]
    public void Ignore_index_reaches_the_loss_the_metrics_and_the_pytorch_export()
    {
        var run = Run("""
                var tokens = g.Input("tokens", DType.Int64, 12);
                var logits = tokens.Embedding(30, 8).Linear(30);
                g.Output("logits", logits);
                g.Loss("labels", logits, Loss.CrossEntropy(ignoreIndex: -100, labelSmoothing: 0.1));
            """);
        string source = Clean(run);

        Assert.Contains("LossFunctions.CrossEntropy(outputs.Logits, targets.Labels, labelSmoothing: 0.1, classDim: 2, ignoreIndex: -100)", source);
        Assert.Contains("ClassDim = 2, IgnoreIndex = -100", source);
        string python = run.PyTorchSource("Net");
        Assert.Contains("masked_mean(F.cross_entropy(outputs[\"logits\"].movedim(2, 1), targets[\"labels\"], label_smoothing=0.1, ignore_index=-100, reduction=\"none\"), None, targets[\"labels\"] != -100)", python);
    }

    [Fact]
    public void Ignore_index_is_refused_with_soft_targets()
    {
        var run = Run("""
                var logits = g.Input("x", 4).Linear(3);
                g.Output("logits", logits);
                g.Loss("p", logits, Loss.CrossEntropy(soft: true, ignoreIndex: 0));
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains("'ignoreIndex' applies to class-index targets", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_per_position_mask_has_the_targets_shape_and_a_per_sample_mask_stays_one_weight_per_sample()
    {
        string source = Clean(Run("""
                var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                var logits = tokens.Embedding(30, 8).Gru(16).Linear(30);
                var values = tokens.Embedding(30, 8, paddingIdx: 0).Linear(2);
                g.Output("logits", logits);
                g.Output("values", values);
                g.Loss("masked", logits, Loss.CrossEntropy()).MaskedBy("positions", perPosition: true);
                g.Loss("weighted", logits, Loss.CrossEntropy()).MaskedBy("samples");
                g.Loss("regression", values, Loss.Mse()).MaskedBy("cells", perPosition: true);
            """));

        Assert.Contains("<param name=\"Positions\">positions: [B, T] float32", source);
        Assert.Contains("<param name=\"Samples\">samples: [B] float32", source);
        Assert.Contains("<param name=\"Cells\">cells: [B, T, 2] float32", source);
        Assert.Contains("LossFunctions.CrossEntropy(outputs.Logits, targets.Masked, targets.Positions, classDim: 2)", source);
    }

    [Fact]
    public void A_mask_shared_with_two_shapes_is_reported_at_the_second_masked_by()
    {
        var run = Run("""
                var tokens = g.Input("tokens", DType.Int64, 6);
                var logits = tokens.Embedding(30, 8).Linear(30);
                g.Output("logits", logits);
                g.Loss("a", logits, Loss.CrossEntropy()).MaskedBy("m", perPosition: true);
                g.Loss("b", logits, Loss.CrossEntropy()).MaskedBy("m");
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains("the mask 'm' is [B] for loss 'b' but [B, 6] for loss 'a'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Next_token_targets_come_from_the_tokens_themselves()
    {
        var run = Run("""
                var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                var logits = tokens.Embedding(50, 8).MultiheadAttention(2, causal: true).Linear(50);
                g.Output("logits", logits);
                g.Loss("next_token", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: tokens.Slice(1, 1)));
            """);
        string source = Clean(run);

        // No target column: the term compares with the shifted tokens, which forward hands on beside the outputs.
        Assert.Contains("public sealed record Targets();", source);
        Assert.Contains("LossFunctions.CrossEntropy(outputs.Slice2 ?? throw", source);
        Assert.Contains("outputs.NextTokenTarget ?? throw", source);
        Assert.Contains("classDim: 2", source);
        string python = run.PyTorchSource("Net");
        Assert.Contains("F.cross_entropy(outputs[\"slice_2\"].movedim(2, 1), outputs[\"next_token_target\"])", python);
    }

    [Fact]
    public void A_float_target_node_for_class_indices_is_refused()
    {
        var run = Run("""
                var x = g.Input("x", 4);
                var logits = x.Linear(3);
                g.Output("logits", logits);
                g.Loss("t", logits, Loss.CrossEntropy(target: x.Linear(1).Sum(1)));
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0212", diagnostic.Id);
        Assert.Contains("class indices are int64", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_model_whose_losses_read_no_declared_output_takes_its_batch_size_from_the_loss_only_tensor()
    {
        string source = Clean(Run("""
                var logits = g.Input("x", 4).Linear(3);
                g.Loss("label", logits, Loss.CrossEntropy());
            """));

        Assert.Contains("public sealed record Outputs()", source);
        Assert.Contains("long batch = (outputs.Linear1 ?? throw new global::System.ArgumentException(", source);
    }
}
