using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Runs the generator on a model whose <c>Define</c> declares some inputs and then the statements under test.</summary>
public static class DefineBody
{
    /// <summary>A sequence of symbolic length: <c>x</c> is [B, T, 8].</summary>
    public const string Sequence = "var x = g.Input(\"x\", Dim.Of(\"T\"), 8);";

    /// <summary>Token ids <c>tokens</c> [B, T] int64 and the sequence <c>x</c> [B, T, 8].</summary>
    public const string TokensAndSequence = "var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\")); " + Sequence;

    /// <summary>The generator's run on model <c>Net</c> with <paramref name="inputs"/> then <paramref name="body"/> in <c>Define</c>.</summary>
    public static GeneratorRun Run(string body, string inputs = Sequence) => GeneratorHarness.Run(Source(body, inputs));

    /// <summary>The source of model <c>Net</c> with <paramref name="inputs"/> then <paramref name="body"/> in <c>Define</c>.</summary>
    public static string Source(string body, string inputs = Sequence) => $$"""
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

    /// <summary>Asserts that the model compiles cleanly and its output <c>y</c> has <paramref name="shape"/> (float32).</summary>
    public static void AssertOutputShape(string body, string shape, string inputs = Sequence)
    {
        var run = Run(body, inputs);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains($"y: {shape} float32", WithoutRoles(run.GeneratedSource("Net")));
    }

    /// <summary>Generated code with the role letters of its shape docs taken out (<c>[B, T:5, F:8]</c> reads <c>[B, 5, 8]</c>): shape tests compare sizes, AxisRoleTests the roles.</summary>
    public static string WithoutRoles(string generated) => System.Text.RegularExpressions.Regex.Replace(generated, "(?<=, )(?:Hd|[CTDHWSFK]):", "");

    /// <summary>Asserts that the model has exactly one diagnostic, <paramref name="id"/>, whose message contains <paramref name="message"/>.</summary>
    public static void AssertSingle(string body, string id, string message, string inputs = Sequence)
    {
        var diagnostic = Assert.Single(Run(body, inputs).Diagnostics);

        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Asserts that the model has exactly one diagnostic, <paramref name="id"/>, whose message contains
    /// <paramref name="message"/>, underlining the text <paramref name="markedBody"/> marks with <c>[|</c> and <c>|]</c>.
    /// </summary>
    public static void AssertSingleAt(string markedBody, string id, string message, string inputs = Sequence)
    {
        int start = markedBody.IndexOf("[|", System.StringComparison.Ordinal);
        int end = markedBody.IndexOf("|]", System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the body must mark the expected span with [| and |]");
        string body = markedBody.Replace("[|", "").Replace("|]", "");
        var diagnostic = Assert.Single(Run(body, inputs).Diagnostics);

        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(markedBody.Substring(start + 2, end - start - 2), diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    /// <summary>
    /// Asserts that the model compiles cleanly and its layer table (ModelInfo) lists the last layer with
    /// <paramref name="layer"/>: its output shape, trainable and non-trainable parameters (<c>"[B, 8]", 72, 0</c>).
    /// </summary>
    public static void AssertLastLayer(string body, string layer, string inputs = Sequence)
    {
        var run = Run(body, inputs);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
        string source = WithoutRoles(run.GeneratedSource("Net"));
        Assert.True(source.Contains(layer + ", new string[]", System.StringComparison.Ordinal), $"expected '{layer}' in\n{source}");
    }

    /// <summary>
    /// Asserts that the model compiles cleanly and its TorchSharp module contains <paramref name="torchSharp"/> (a line of
    /// its forward, its shape comment without role letters); <paramref name="models"/> are more [Model] classes in the same file, for <c>g.Use</c>.
    /// </summary>
    public static void AssertEmits(string body, string torchSharp, string inputs = Sequence, string models = "")
    {
        var run = GeneratorHarness.Run(Source(body, inputs) + models);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains(torchSharp, WithoutRoles(run.GeneratedSource("Net")));
    }
}
