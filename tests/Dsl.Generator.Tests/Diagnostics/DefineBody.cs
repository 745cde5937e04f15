using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Runs the generator on a model whose <c>Define</c> declares some inputs and then the statements under test.</summary>
public static class DefineBody
{
    /// <summary>A sequence of symbolic length: <c>x</c> is [B, T, 8].</summary>
    public const string Sequence = "var x = g.Input(\"x\", Dim.Of(\"T\"), 8);";

    /// <summary>The generator's run on model <c>Net</c> with <paramref name="inputs"/> then <paramref name="body"/> in <c>Define</c>.</summary>
    public static GeneratorRun Run(string body, string inputs = Sequence) => GeneratorHarness.Run($$"""
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
        """);

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
}
