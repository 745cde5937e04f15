using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Dsl.Generator.Tests.CodeFixes;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Axis roles (issue #26): the eight mistakes where the rank is right and the axis is wrong, each reported at the call
/// with both layouts and the fix (applied by the code fix where it is unambiguous), and idiomatic sequence, attention,
/// negative-axis and channels-first models, written as PyTorch and Keras users write them, that stay clean.
/// </summary>
public class AxisRoleTests
{
    private const string Tokens = "var tokens = g.Input(\"tokens\", DType.Int64, 200);";
    private const string SymbolicTokens = "var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\"));";
    private const string Image = "var image = g.Input(\"image\", 3, 32, 32);";
    private const string Memory = "var q = g.Input(\"q\", Dim.Of(\"T\"), 32); var m = g.Input(\"m\", Dim.Of(\"S\"), 32);";

    public static TheoryData<string, string, string, string> Mistakes() => new()
    {
        // 1. Keras' Conv1D habit on embeddings [B, 200, 128].
        { Tokens, "g.Output(\"y\", tokens.Embedding(1000, 128).Conv1d(64, 3));", "DSL0012",
            "Conv1d 'conv1d_1' expects channels first [B, C, L] but got [B, T:200, F:128] (time x feature); it would read the 200 steps as channels and slide over the 128 features; insert .Transpose(1, 2) before it" },
        // 2. BatchNorm1d on [B, T, F].
        { DefineBody.Sequence, "g.Output(\"y\", x.Linear(16).BatchNorm1d());", "DSL0012",
            "BatchNorm1d 'batch_norm_1' expects channels first [B, C, L] but got [B, T, F:16] (time x feature); it would normalize each of the T steps" },
        // 3. LayerNorm() on a [B, C, H, W] map normalizes W.
        { Image, "g.Output(\"y\", image.Conv2d(16, 3).LayerNorm());", "DSL0012",
            "LayerNorm 'layer_norm_1' expects features last [B, ..., F] but got [B, C:16, H:30, W:30] (channel x spatial x spatial); LayerNorm() normalizes the last axis, here spatial or time, not the 16 channels; move the channels last around it, .Permute(0, 2, 3, 1).LayerNorm().Permute(0, 3, 1, 2)" },
        // 4. GlobalAvgPool1d on [B, T, F] pools the features.
        { Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64).GlobalAvgPool1d().Linear(2));", "DSL0012",
            "GlobalAvgPool1d 'global_avg_pool1d_1' expects channels first [B, C, L] but got [B, T:200, F:64] (time x feature); it would pool the 64 features of each step and give [B, 200]" },
        // 5. Softmax() with its default dim 1 on [B, T, V].
        { DefineBody.Sequence, "g.Output(\"y\", x.Linear(50).Softmax());", "DSL0905",
            "Softmax 'softmax_1' expects the classes or features on dim 1 by default but got [B, T, F:50] (time x feature); the default dim 1 normalizes over the T steps, not over the 50 features of each step; write dim: -1" },
        // 6. Softmax over a size-1 axis: every weight 1.0.
        { DefineBody.Sequence, "g.Output(\"y\", x.Linear(1).Softmax(-1));", "DSL0012",
            "Softmax 'softmax_1' expects a Softmax axis of more than one value but got [B, T, F:1] (time x feature); dim -1 has size 1, so every weight is 1.0 and nothing is learned; to weigh the steps against each other (attention pooling) use dim: 1" },
        // 7. causal: true on cross-attention, T queries against S keys.
        { Memory, "g.Output(\"y\", Ops.MultiheadAttention(q, m, m, 4, causal: true));", "DSL0011",
            "MultiheadAttention 'attention_1': causal: true hides the keys after each query's position, which needs queries and keys on one time axis, but there are T queries and S keys; query [B, T, 32], key [B, S, 32], value [B, S, 32]; remove causal: true from cross-attention" },
        // 8. CrossEntropy on [B, 64, 2]: the pooling was forgotten, the target would be [B, 2].
        { "var signal = g.Input(\"signal\", 1, 16);", "var logits = signal.Conv1d(64, 3, stride: 7); g.Output(\"logits\", logits); g.Loss(\"label\", logits, Loss.CrossEntropy());", "DSL0905",
            "Loss 'label': CrossEntropy expects one class per sample, [B, C] logits but got [B, C:64, T:2] (channel x time); it reads 64 classes at each of 2 positions, so its target is [B, 2] int64; pool the positions first with .GlobalAvgPool1d()" },
        // Attention sanity: keys and values of different lengths, the three shapes shown.
        { Memory + " var v = g.Input(\"v\", Dim.Of(\"U\"), 32);", "g.Output(\"y\", Ops.MultiheadAttention(q, m, v, 4));", "DSL0011",
            "the key has S steps but the value U, and each key needs its value; query [B, T, 32], key [B, S, 32], value [B, U, 32]" },
        // Keras' channels-last image declared as such, into a channels-first Conv2d.
        { "var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.Conv2d(8, 3));", "DSL0012",
            "Conv2d 'conv2d_1' expects channels first [B, C, H, W] but got [B, H:32, W:32, C:3] (spatial x spatial x channel); insert .Permute(0, 3, 1, 2) before it" },
        // Keras' MaxPooling1D habit on a sequence: PyTorch's MaxPool1d / AvgPool1d would pool the features of each step.
        { Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64).MaxPool1d(2));", "DSL0012",
            "MaxPool1d 'max_pool1d_1' expects channels first [B, C, L] but got [B, T:200, F:64] (time x feature); it would pool the 64 features within each of the 200 steps instead of pooling the steps (Keras' MaxPooling1D is channels last, PyTorch's is not); wrap it in transposes, .Transpose(1, 2).MaxPool1d(...).Transpose(1, 2)" },
        { DefineBody.Sequence, "g.Output(\"y\", x.Linear(16).AvgPool1d(2));", "DSL0012",
            "AvgPool1d 'avg_pool1d_1' expects channels first [B, C, L] but got [B, T, F:16] (time x feature)" },
        // A CNN-LSTM without the transpose: the LSTM would step through the 16 channels.
        { "var signal = g.Input(\"signal\", 1, 128);", "g.Output(\"y\", signal.Conv1d(16, 3).Relu().Lstm(32));", "DSL0012",
            "Lstm 'lstm_1' expects a batch-first sequence [B, T, F] but got [B, C:16, T:126] (channel x time); Lstm would read the 16 channels as steps of 126 values each; insert .Transpose(1, 2) before it to give it [B, T:126, C:16]" },
        { "var wave = g.Input(\"wave\", 1, Dim.Of(\"L\"));", "g.Output(\"y\", wave.Conv1d(8, 5, stride: 2).Gru(16, bidirectional: true));", "DSL0012",
            "Gru 'gru_1' expects a batch-first sequence [B, T, F] but got [B, C:8, T:(L - 3) / 2] (channel x time); Gru would read the 8 channels as steps" },
        // Self-attention over a Conv1d's channels-first output.
        { "var signal = g.Input(\"signal\", 1, 128);", "g.Output(\"y\", signal.Conv1d(16, 3).MultiheadAttention(2));", "DSL0012",
            "MultiheadAttention 'attention_1' expects a batch-first sequence [B, T, F] but got [B, C:16, T:126] (channel x time); MultiheadAttention would read the 16 channels as steps" },
        // PyTorch's 2-d layers on a channels-last map: a Keras image, or a map left channels last after a Permute.
        { "var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.MaxPool2d(2));", "DSL0012",
            "MaxPool2d 'max_pool2d_1' expects channels first [B, C, H, W] but got [B, H:32, W:32, C:3] (spatial x spatial x channel); it would pool the 32 columns and the 3 channels instead of the rows and columns; insert .Permute(0, 3, 1, 2) before it" },
        { Image, "g.Output(\"y\", image.Conv2d(8, 3).Permute(0, 2, 3, 1).BatchNorm2d());", "DSL0012",
            "BatchNorm2d 'batch_norm_1' expects channels first [B, C, H, W] but got [B, H:30, W:30, C:8] (spatial x spatial x channel); it would normalize each of the 30 rows as a channel" },
        { "var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.GlobalAvgPool2d().Linear(10));", "DSL0012",
            "GlobalAvgPool2d 'global_avg_pool2d_1' expects channels first [B, C, H, W] but got [B, H:32, W:32, C:3] (spatial x spatial x channel); it would pool the columns and the channels and give [B, 32], one value per row" },
        // A transpose too many before a recurrent layer: the 64 features become steps.
        { Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64).Transpose(1, 2).Lstm(32));", "DSL0012",
            "Lstm 'lstm_1' expects a batch-first sequence [B, T, F] but got [B, F:64, T:200] (feature x time); Lstm would read the 64 features as steps of 200 values each" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_axis_mistake_is_reported_at_the_call_with_both_layouts_and_the_fix(string inputs, string body, string id, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, inputs).Diagnostics);

        Assert.Equal(id, diagnostic.Id);
        string actual = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(actual.Contains(message, System.StringComparison.Ordinal), actual);
    }

    [Fact]
    public void Conv1d_on_embeddings_of_symbolic_length_asks_for_a_transpose_not_a_fixed_length()
    {
        var diagnostic = Assert.Single(DefineBody.Run("g.Output(\"y\", tokens.Embedding(1000, 128).Conv1d(64, 3));", SymbolicTokens).Diagnostics);

        Assert.Equal("DSL0012", diagnostic.Id);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("insert .Transpose(1, 2) before it to give it [B, C:128, T]", message);
        Assert.DoesNotContain("fixed size", message);
    }

    public static TheoryData<string, string> Idiomatic() => new()
    {
        // A TextCNN as PyTorch writes it: embeddings transposed to channels first for Conv1d.
        { Tokens, "g.Output(\"y\", tokens.Embedding(1000, 128).Transpose(1, 2).Conv1d(64, 3).Relu().GlobalMaxPool1d().Linear(2));" },
        // Keras' GlobalAveragePooling1D over time is Mean(1).
        { Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64).Mean(1).Linear(2));" },
        // An LSTM classifier.
        { SymbolicTokens, "g.Output(\"y\", tokens.Embedding(1000, 64).Lstm(32, numLayers: 2).LastStep().Linear(2));" },
        // A causal language model: per-step distributions over the vocabulary with dim: -1.
        { SymbolicTokens, "var logits = tokens.Embedding(100, 32).LayerNorm().MultiheadAttention(4, causal: true).Linear(100); g.Output(\"probs\", logits.Softmax(-1)); g.Loss(\"next\", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: tokens.Slice(1, 1)));" },
        // A pre-norm transformer encoder block.
        { DefineBody.Sequence, "var h = x.Linear(32); h = h + h.LayerNorm().MultiheadAttention(4); h = h + h.LayerNorm().Linear(64).Gelu().Linear(32); g.Output(\"y\", h.LayerNorm());" },
        // Attention pooling: a softmax over time, stated with dim: 1.
        { DefineBody.Sequence, "var w = x.Linear(1).Softmax(1); g.Output(\"y\", (x * w).Sum(1));" },
        // Cross-attention without a causal mask, a decoder with causal self-attention.
        { Memory, "var d = q + q.MultiheadAttention(4, causal: true); g.Output(\"y\", d + Ops.MultiheadAttention(d, m, m, 4));" },
        // An image classifier: its Softmax() over [B, 10] is over the classes.
        { Image, "g.Output(\"y\", image.Conv2d(16, 3).BatchNorm2d().Relu().MaxPool2d(2).GlobalAvgPool2d().Linear(10).Softmax());" },
        // ConvNeXt's LayerNorm over the channels, channels last around it.
        { Image, "g.Output(\"y\", image.Conv2d(16, 3).Permute(0, 2, 3, 1).LayerNorm().Linear(16).Permute(0, 3, 1, 2));" },
        // A mel spectrogram [B, 40, 100] as torchaudio gives it, stated channels first.
        { "var mel = g.Input(\"mel\", AxisLayout.ChannelsFirst, 40, 100);", "g.Output(\"y\", mel.Conv1d(64, 3).BatchNorm1d().Relu().GlobalAvgPool1d().Linear(10));" },
        // Keras' channels-last image, permuted for PyTorch's Conv2d.
        { "var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.Permute(0, 3, 1, 2).Conv2d(8, 3).Relu());" },
        // A waveform [B, 1, L] of symbolic length reads as channels x time.
        { "var wave = g.Input(\"wave\", 1, Dim.Of(\"L\"));", "g.Output(\"y\", wave.Conv1d(16, 9, stride: 4).BatchNorm1d().Relu().GlobalMaxPool1d().Linear(4));" },
        // BatchNorm1d on pooled features [B, F].
        { DefineBody.Sequence, "g.Output(\"y\", x.Mean(1).Linear(32).BatchNorm1d().Relu());" },
        // A gated linear unit over the last axis, negative axes throughout.
        { DefineBody.Sequence, "var parts = x.Linear(32).Chunk(2, -1); g.Output(\"y\", (parts[0] * parts[1].Sigmoid()).LogSoftmax(-1));" },
        // Sequence tagging: CrossEntropy per step of a bidirectional LSTM.
        { SymbolicTokens, "var tags = tokens.Embedding(1000, 32).Lstm(16, bidirectional: true).Linear(5); g.Output(\"tags\", tags); g.Loss(\"tag\", tags, Loss.CrossEntropy());" },
        // Segmentation: CrossEntropy per pixel of a channels-first map.
        { Image, "var seg = image.Conv2d(16, 3, padding: Padding.Same).Relu().Conv2d(4, 1); g.Output(\"seg\", seg); g.Loss(\"mask\", seg, Loss.CrossEntropy());" },
        // A 1-D CNN classifier on a signal that pools before its loss.
        { "var signal = g.Input(\"signal\", 1, 16);", "var logits = signal.Conv1d(64, 3, stride: 7).GlobalAvgPool1d().Linear(2); g.Output(\"logits\", logits); g.Loss(\"label\", logits, Loss.CrossEntropy());" },
        // MaxPool1d and Dropout1d on a channels-first map after a transpose, back to time x feature for a GRU.
        { SymbolicTokens, "g.Output(\"y\", tokens.Embedding(1000, 32).Transpose(1, 2).Conv1d(32, 3, padding: Padding.Same).Relu().Transpose(1, 2).Gru(16).LastStep());" },
        // A CNN-LSTM: Conv1d over a signal, back to time x feature for the LSTM; and a transposed embedding transposed back for attention.
        { "var signal = g.Input(\"signal\", 1, 128);", "g.Output(\"y\", signal.Conv1d(16, 3).Relu().MaxPool1d(2).Transpose(1, 2).Lstm(32).LastStep().Linear(4));" },
        { SymbolicTokens, "var h = tokens.Embedding(1000, 64).Transpose(1, 2).Conv1d(64, 3, padding: Padding.Same).Transpose(1, 2); g.Output(\"y\", h.MultiheadAttention(4) + h.Lstm(32).Linear(64));" },
        // A Keras image permuted once, then PyTorch's channels-first 2-d layers throughout.
        { "var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.Permute(0, 3, 1, 2).Conv2d(8, 3).BatchNorm2d().Relu().MaxPool2d(2).Dropout2d(0.1).UpSample2d(2).InstanceNorm2d().GlobalAvgPool2d().Linear(10));" },
        // Log-probabilities per step with dim: -1 and NLL on the next tokens.
        { SymbolicTokens, "var logp = tokens.Embedding(50, 16).Gru(16).Linear(50).LogSoftmax(-1); g.Output(\"logp\", logp); g.Loss(\"next\", logp.Slice(1, 0, -1), Loss.Nll(target: tokens.Slice(1, 1)));" },
    };

    [Theory]
    [MemberData(nameof(Idiomatic))]
    public void Idiomatic_sequence_attention_and_channels_first_models_stay_clean(string inputs, string body)
    {
        var run = DefineBody.Run(body, inputs);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
    }

    private static string Model(string inputs, string body) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                {{inputs}}
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData(Tokens, "g.Output(\"y\", tokens.Embedding(1000, 128).Conv1d(64, 3).Relu().GlobalMaxPool1d());", "DSL0012",
        "tokens.Embedding(1000, 128).Transpose(1, 2).Conv1d(64, 3)", "Insert .Transpose(1, 2) before this layer")]
    [InlineData(DefineBody.Sequence, "g.Output(\"y\", x.Linear(16).BatchNorm1d().Relu());", "DSL0012",
        "x.Linear(16).Transpose(1, 2).BatchNorm1d().Transpose(1, 2).Relu()", "Wrap this layer in .Transpose(1, 2) and .Transpose(1, 2)")]
    [InlineData(Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64).MaxPool1d(2).Linear(2));", "DSL0012",
        "tokens.Embedding(1000, 64).Transpose(1, 2).MaxPool1d(2).Transpose(1, 2).Linear(2)", "Wrap this layer in .Transpose(1, 2) and .Transpose(1, 2)")]
    [InlineData(Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64).GlobalAvgPool1d().Linear(2));", "DSL0012",
        "tokens.Embedding(1000, 64).Transpose(1, 2).GlobalAvgPool1d().Linear(2)", "Insert .Transpose(1, 2) before this layer")]
    [InlineData(DefineBody.Sequence, "g.Output(\"y\", x.Linear(50).Softmax());", "DSL0905",
        "x.Linear(50).Softmax(dim: -1)", "Set dim: -1")]
    [InlineData("var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.MaxPool2d(2));", "DSL0012",
        "image.Permute(0, 3, 1, 2).MaxPool2d(2)", "Insert .Permute(0, 3, 1, 2) before this layer")]
    [InlineData("var signal = g.Input(\"signal\", 1, 128);", "g.Output(\"y\", signal.Conv1d(16, 3).Relu().Lstm(32));", "DSL0012",
        "signal.Conv1d(16, 3).Relu().Transpose(1, 2).Lstm(32)", "Insert .Transpose(1, 2) before this layer")]
    [InlineData("var image = g.Input(\"image\", AxisLayout.ChannelsLast, 32, 32, 3);", "g.Output(\"y\", image.Conv2d(8, 3));", "DSL0012",
        "image.Permute(0, 3, 1, 2).Conv2d(8, 3)", "Insert .Permute(0, 3, 1, 2) before this layer")]
    [InlineData("var tokens = g.Input(\"tokens\", DType.Int64, 50);", "var wte = tokens.Embedding(50, 16, name: \"wte\"); var logits = wte.Linear(50, tiedTo: wte); g.Output(\"logits\", logits); g.Loss(\"next\", logits, Loss.CrossEntropy(classDim: 1));", "DSL0905",
        "Loss.CrossEntropy(classDim: -1)", "Set classDim: -1")]
    public async Task The_unambiguous_layout_fixes_apply_and_leave_no_diagnostic(string inputs, string body, string id, string expected, string title)
    {
        var (fixedSources, offered) = await CodeFixHarness.FixAsync(id, Model(inputs, body));

        Assert.Equal(title, offered);
        Assert.Contains(expected, fixedSources[0]);
        var left = CodeFixHarness.DslDiagnostics(fixedSources);
        Assert.True(left.IsEmpty, GeneratorHarness.Describe(left) + "\n" + fixedSources[0]);
    }

    [Fact]
    public async Task One_fix_all_applies_every_layout_fix_of_a_model()
    {
        var fixedSources = await CodeFixHarness.FixAllAsync(
            new[] { "DSL0012", "DSL0905" },
            Model(Tokens, "var h = tokens.Embedding(1000, 64); g.Output(\"a\", h.Conv1d(32, 3).Relu().GlobalAvgPool1d()); g.Output(\"b\", h.Linear(20).Softmax()); g.Output(\"c\", h.GlobalAvgPool1d());"));

        Assert.Contains("h.Transpose(1, 2).Conv1d(32, 3)", fixedSources[0]);
        Assert.Contains("h.Linear(20).Softmax(dim: -1)", fixedSources[0]);
        Assert.Contains("h.Transpose(1, 2).GlobalAvgPool1d()", fixedSources[0]);
        Assert.Empty(CodeFixHarness.DslDiagnostics(fixedSources));
    }

    [Fact]
    public void Roles_follow_the_ops_and_show_in_the_generated_docs()
    {
        // A Transpose moves the roles, so the transposed embeddings are channels first and Conv1d is content.
        var run = DefineBody.Run("var h = tokens.Embedding(1000, 8).Transpose(1, 2).Transpose(1, 2).Transpose(1, 2); g.Output(\"y\", h.Conv1d(4, 3, stride: 40));", Tokens);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("y: [B, C:4, T:5] float32", run.GeneratedSource("Net"));
    }

    /// <summary>The text form, <c>TensorType.RoleShapeText</c>, of each op's output as the generated docs show it.</summary>
    [Theory]
    [InlineData(Image, "g.Output(\"y\", image.Conv2d(16, 3));", "[B, C:16, H:30, W:30]")]
    [InlineData("var image = g.Input(\"image\", 3, Dim.Of(\"H\"), Dim.Of(\"W\"));", "g.Output(\"y\", image.MaxPool2d(2));", "[B, C:3, H / 2, W / 2]")]
    [InlineData("var image = g.Input(\"image\", 3, Dim.Of(\"H\"), Dim.Of(\"W\"));", "g.Output(\"y\", image.Relu());", "[B, C:3, H, W]")]
    [InlineData("var volume = g.Input(\"volume\", 1, 8, 16, 16);", "g.Output(\"y\", volume.Conv3d(4, 3));", "[B, C:4, D:6, H:14, W:14]")]
    [InlineData(Tokens, "g.Output(\"y\", tokens.Embedding(1000, 64));", "[B, T:200, F:64]")]
    [InlineData(SymbolicTokens, "g.Output(\"y\", tokens.Embedding(1000, 64).Lstm(32));", "[B, T, F:32]")]
    [InlineData(SymbolicTokens, "g.Output(\"y\", tokens.Embedding(1000, 64).Transpose(1, 2).Conv1d(16, 3));", "[B, C:16, T - 2]")]
    [InlineData(SymbolicTokens, "g.Output(\"y\", tokens.Embedding(1000, 64).MultiheadAttention(4).Mean(1));", "[B, F:64]")]
    [InlineData(Image, "g.Output(\"y\", image.Permute(0, 2, 3, 1));", "[B, H:32, W:32, C:3]")]
    [InlineData(Image, "g.Output(\"y\", image.Reshape(3, 1024));", "[B, 3, 1024]")]
    [InlineData(Image, "g.Output(\"y\", image + g.Parameter(\"bias\", 3, 1, 1));", "[B, C:3, H:32, W:32]")]
    public void Shapes_show_each_axis_role_with_a_letter(string inputs, string body, string shape)
    {
        var run = DefineBody.Run(body, inputs);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains($"y: {shape} float32", run.GeneratedSource("Net"));
    }

    [Fact]
    public void Hovers_and_shape_comments_of_the_generated_module_show_the_roles()
    {
        var run = DefineBody.Run(
            "var conv = image.Conv2d(8, 3, name: \"conv\").Relu(); var logits = conv.Flatten().Linear(10, name: \"head\"); g.Output(\"logits\", logits); g.Loss(\"label\", logits, Loss.CrossEntropy());",
            Image);
        string source = run.GeneratedSource("Net");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        // The layer fields, Inputs / Outputs / Targets members and Forward's parameters are what editors show on hover.
        Assert.Contains("/// <summary>Conv2d 'conv': [B, C:3, H:32, W:32] -> [B, C:8, H:30, W:30], 224 parameters.</summary>", source);
        Assert.Contains("/// <param name=\"Image\">image: [B, C:3, H:32, W:32] float32</param>", source);
        Assert.Contains("/// <param name=\"Logits\">logits: [B, K:10] float32</param>", source);
        Assert.Contains("/// <param name=\"image\">image: [B, C:3, H:32, W:32] float32</param>", source);
        Assert.Contains("var conv = this.conv.forward(image); // [B, C:8, H:30, W:30]", source);
        // The run-time check keeps the plain shape it compares with a tensor's.
        Assert.Contains("\"[B, 3, 32, 32]\"", source);
        Assert.Contains("# [B, C:8, H:30, W:30]", run.PyTorchSource("Net"));
    }

    public static TheoryData<string, string, string> ClassScores() => new()
    {
        // A classifier's logits: the cross entropy reads classes on the last axis.
        { Image, "var logits = image.Flatten().Linear(10); g.Output(\"logits\", logits); g.Loss(\"label\", logits, Loss.CrossEntropy());", "logits: [B, K:10] float32" },
        // A language model's next-token loss reads a slice; the logits it was sliced from have the class axis too.
        { SymbolicTokens, "var logits = tokens.Embedding(50, 16).Linear(50); g.Output(\"logits\", logits); g.Loss(\"next\", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: tokens.Slice(1, 1)));", "logits: [B, T, K:50] float32" },
        // NLL on log-probabilities over the classes: back through the LogSoftmax to the Linear.
        { DefineBody.Sequence, "var scores = x.Linear(5); g.Output(\"scores\", scores); g.Loss(\"tag\", scores.LogSoftmax(-1), Loss.Nll());", "scores: [B, T, K:5] float32" },
        // A segmentation map: classes on the channels.
        { Image, "var map = image.Conv2d(4, 1); g.Output(\"map\", map); g.Loss(\"mask\", map, Loss.CrossEntropy());", "map: [B, K:4, H:32, W:32] float32" },
        // A Linear tied to the Embedding scores the vocabulary, with no loss at all.
        { SymbolicTokens, "var wte = tokens.Embedding(50, 16, name: \"wte\"); g.Output(\"logits\", wte.Linear(50, tiedTo: wte));", "logits: [B, T, K:50] float32" },
        // A regression head is no class score.
        { Image, "var value = image.Flatten().Linear(3); g.Output(\"value\", value); g.Loss(\"target\", value, Loss.Mse());", "value: [B, F:3] float32" },
    };

    [Theory]
    [MemberData(nameof(ClassScores))]
    public void Class_scores_have_the_class_role(string inputs, string body, string doc)
    {
        var run = DefineBody.Run(body, inputs);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains(doc, run.GeneratedSource("Net"));
    }

    [Fact]
    public void A_class_dim_stated_against_the_class_role_is_reported_at_the_argument()
    {
        // Tied logits [B, T, V] scored per step: classDim: 1 would read the T steps as the classes (and ask for a [B, 50] target).
        DefineBody.AssertSingle(
            "var wte = tokens.Embedding(50, 16, name: \"wte\"); var logits = wte.Linear(50, tiedTo: wte); g.Output(\"logits\", logits); g.Loss(\"next\", logits, Loss.CrossEntropy(classDim: 1));",
            "DSL0905",
            "Loss 'next': CrossEntropy expects the classes on dim -1 but got [B, T:50, K:50] (time x class); classDim: 1 reads the 50 values of dim 1 as classes, but the 50 classes are on dim -1; write classDim: -1 (or leave it out)",
            "var tokens = g.Input(\"tokens\", DType.Int64, 50);");
    }
}
