using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Dsl.Generator.Tests.Docs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Robustness;

/// <summary>
/// The generator must never throw: malformed, half-typed or hostile declarations give
/// diagnostics, never an exception out of the driver, never CS8785 ("generator failed") and never DSL0106 (our
/// own internal-error wrapper, which would mean a bug was caught rather than avoided). Mutations are seeded, so a
/// failure reproduces.
/// </summary>
public class NeverThrowsTests
{
    private const int Cuts = 40;
    private const int Mutants = 40;

    /// <summary>The seed declarations: those of the pipeline tests and the example models as users see them.</summary>
    public static IEnumerable<object[]> Seeds()
    {
        yield return new object[] { "SeedSources.DigitClassifier" };
        yield return new object[] { "SeedSources.ResNet" };
        foreach (string file in Directory.GetFiles(Path.Combine(DiagnosticsDocTests.RepoRoot(), "Examples", "Models"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { "Examples/Models/" + Path.GetFileName(file) };
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_prefix_of_a_seed_model_gives_diagnostics_not_a_crash(string seed)
    {
        string source = Load(seed);
        var failures = new StringBuilder();
        for (int i = 1; i <= Cuts; i++)
        {
            string prefix = source.Substring(0, (int)((long)source.Length * i / (Cuts + 1)));
            Check(prefix, $"{seed} cut at {prefix.Length}", failures);
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_models_with_random_tokens_deleted_give_diagnostics_not_a_crash(string seed)
    {
        string source = Load(seed);
        var tokens = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot().DescendantTokens().ToList();
        var random = new Random(20240617 + seed.Length);
        var failures = new StringBuilder();
        for (int i = 0; i < Mutants; i++)
        {
            int count = 1 + random.Next(3);
            var deleted = Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Count)]).OrderByDescending(t => t.SpanStart).Distinct().ToList();
            var mutant = new StringBuilder(source);
            foreach (var token in deleted)
            {
                mutant.Remove(token.SpanStart, token.Span.Length);
            }

            Check(mutant.ToString(), $"{seed} without tokens {string.Join(", ", deleted.Select(t => $"'{t.Text}'@{t.SpanStart}"))}", failures);
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>Hostile declarations, each with the DSL diagnostic it must give (null: any diagnostics, or none).</summary>
    public static TheoryData<string, string, string?> Hostile() => new()
    {
        { "string where an int goes", Model("""g.Output("y", g.Input("x", 4).Linear((int)(object)"ten"));"""), null },
        { "node where an int goes", Model("""var x = g.Input("x", 4); g.Output("y", x.Linear((int)(object)x));"""), null },
        { "dim of a string", Model("""g.Output("y", g.Input("x", (Dim)(object)"4").Relu());"""), null },
        { "null input name", Model("""g.Output("y", g.Input(null!, 4).Linear(2));"""), "DSL0007" },
        { "null output name", Model("""g.Output(null!, g.Input("x", 4).Linear(2));"""), "DSL0007" },
        { "null layer name", Model("""g.Output("y", g.Input("x", 4).Linear(2, name: null));"""), "" },
        { "null symbolic dim", Model("""g.Output("y", g.Input("x", Dim.Of(null!), 4).Relu());"""), null },
        { "null node", Model("""g.Output("y", ((Node)null!).Linear(2));"""), "DSL0109" },
        { "null dims array", Model("""g.Output("y", g.Input("x", (Dim[])null!).Relu());"""), null },
        { "null reshape array", Model("""g.Output("y", g.Input("x", 4).Reshape((int[])null!));"""), null },
        { "no dims", Model("""g.Output("y", g.Input("x").Relu());"""), null },
        { "zero dim", Model("""g.Output("y", g.Input("x", 0).Relu());"""), "DSL0007" },
        { "negative padding", Model("""g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, 3, padding: Padding.Of(-1)));"""), "DSL0007" },
        { "negative implicit padding", Model("""g.Output("y", g.Input("x", 1, 8, 8).MaxPool2d(2, padding: -3));"""), "DSL0007" },
        { "huge padding", Model("""g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, 3, padding: int.MaxValue));"""), null },
        { "huge kernel", Model("""g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, int.MaxValue));"""), null },
        { "huge stride", Model("""g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, 3, stride: int.MaxValue, padding: Padding.Same));"""), null },
        { "huge upsampling", Model("""g.Output("y", g.Input("x", 1, 1 << 20, 1 << 20).UpSample2d(int.MaxValue).UpSample2d(int.MaxValue));"""), null },
        { "huge input", Model("""g.Output("y", g.Input("x", int.MaxValue, int.MaxValue, int.MaxValue).Flatten().Linear(int.MaxValue));"""), null },
        { "huge linear layers", Model("""g.Output("y", g.Input("x", int.MaxValue).Linear(int.MaxValue).Linear(int.MaxValue));"""), null },
        { "huge reshape", Model("""g.Output("y", g.Input("x", 4).Reshape(int.MaxValue, int.MaxValue, int.MaxValue));"""), "DSL0004" },
        { "negative reshape", Model("""g.Output("y", g.Input("x", 4).Reshape(-2, -2));"""), null },
        { "empty reshape", Model("""g.Output("y", g.Input("x", 4).Reshape());"""), null },
        { "flip out of range", Model("""g.Output("y", g.Input("x", 4).Flip(int.MaxValue));"""), null },
        { "softmax out of range", Model("""g.Output("y", g.Input("x", 4).Softmax(int.MinValue));"""), null },
        { "concat out of range", Model("""var x = g.Input("x", 4); g.Output("y", Ops.Concat(-100, x, x));"""), null },
        { "concat of one", Model("""g.Output("y", Ops.Concat(1, g.Input("x", 4)));"""), "DSL0007" },
        { "concat of null", Model("""g.Output("y", Ops.Concat(1, (Node[])null!));"""), null },
        { "dropout NaN", Model("""g.Output("y", g.Input("x", 4).Dropout(double.NaN));"""), "DSL0007" },
        { "scalar infinity", Model("""g.Output("y", g.Input("x", 4) * double.PositiveInfinity);"""), "DSL0110" },
        { "batch norm eps zero", Model("""g.Output("y", g.Input("x", 4).BatchNorm1d(eps: 0));"""), "DSL0007" },
        { "int overflow", Model("""int n = int.MaxValue; n = n + 1; g.Output("y", g.Input("x", 4).Linear(n));"""), null },
        { "checked overflow", Model("""int n = checked(int.MaxValue * 2); g.Output("y", g.Input("x", 4).Linear(n));"""), null },
        { "long size", Model("""long n = 1L << 40; g.Output("y", g.Input("x", 4).Linear((int)n));"""), null },
        { "shift by a huge amount", Model("""int n = 1 << 1000; g.Output("y", g.Input("x", 4).Linear(n));"""), null },
        { "index out of range", Model("""int[] widths = { 8, 4 }; g.Output("y", g.Input("x", 4).Linear(widths[2]));"""), null },
        { "negative array size", Model("""int[] widths = new int[-1]; g.Output("y", g.Input("x", 4));"""), null },
        { "huge array", Model("""int[] widths = new int[int.MaxValue]; g.Output("y", g.Input("x", 4));"""), null },
        { "huge loop bound", Model("""var x = g.Input("x", 4); for (int i = 0; i < int.MaxValue; i++) { } g.Output("y", x);"""), "DSL0104" },
        { "huge long loop", Model("""var x = g.Input("x", 4); for (long i = long.MinValue; i < long.MaxValue; i += 1) { } g.Output("y", x);"""), "DSL0104" },
        { "nested loops", Model("""var x = g.Input("x", 4); int n = 0; for (int i = 0; i < 1000; i++) for (int j = 0; j < 1000; j++) n++; g.Output("y", x.Linear(n));"""), "DSL0104" },
        { "infinite while", Model("""var x = g.Input("x", 4); while (true) { } """), "DSL0104" },
        { "foreach over null", Model("""var x = g.Input("x", 4); foreach (int w in (int[])null!) { x = x.Linear(w); } g.Output("y", x);"""), null },
        { "binary recursion", "using Dsl;\n[Model]\npublic partial class Net\n{\n    static Node F(Node x, int n) => n == 0 ? x : F(F(x, n - 1), n - 1);\n    static void Define(Graph g) => g.Output(\"y\", F(g.Input(\"x\", 4), 30));\n}\n", "DSL0111" },
        { "6000 layers", Model("""var x = g.Input("x", 4); for (int i = 0; i < 6000; i++) { x = x.Linear(4); } g.Output("y", x);"""), "DSL0111" },
        { "long names", Model("""var x = g.Input("x", 4); string name = "n"; for (int i = 0; i < 20; i++) name = name + name; g.Output(name, x);"""), null },
        { "interpolated names", Model("""var x = g.Input("x", 4); for (int i = 0; i < 3; i++) x = x.Linear(4, name: $"dense_{i}_{1.5}_{i > 1}"); g.Output("y", x);"""), null },
        { "generic locals", Model("""var d = new System.Collections.Generic.List<System.Collections.Generic.Dictionary<string, Node>>(); g.Output("y", g.Input("x", 4));"""), null },
        { "generic helper", "using Dsl;\n[Model]\npublic partial class Net\n{\n    static T Id<T>(T x) => x;\n    static void Define(Graph g) => g.Output(\"y\", Id<Node>(g.Input(\"x\", 4)).Linear(Id(2)));\n}\n", null },
        { "tuple locals", Model("""(Node a, (int b, string c)) t = (g.Input("x", 4), (2, "y")); g.Output(t.Item2.c, t.a.Linear(t.Item2.b));"""), null },
        { "lambda", Model("""System.Func<Node, Node> f = n => n.Relu(); g.Output("y", f(g.Input("x", 4)));"""), null },
        { "local function", Model("""Node F(Node n) => F(n); g.Output("y", F(g.Input("x", 4)));"""), null },
        { "switch", Model("""int k = 2; int w = k switch { 1 => 4, _ => 8 }; switch (k) { case 2: w++; break; } g.Output("y", g.Input("x", 4).Linear(w));"""), null },
        { "goto", Model("""var x = g.Input("x", 4); again: x = x.Relu(); goto again;"""), null },
        { "throw", Model("""throw new System.InvalidOperationException("no");"""), null },
        { "return early", Model("""var x = g.Input("x", 4); if (x != null) return; g.Output("y", x!);"""), null },
        { "graph compared and reassigned", Model("""if (g == null) { g = null!; } g.Output("y", g.Input("x", 4));"""), null },
        { "graph reassigned to null", Model("""g = null!; g.Output("y", g.Input("x", 4));"""), null },
        { "node equality", Model("""var x = g.Input("x", 4); var y = x.Relu(); int w = x == y ? 2 : 3; g.Output("y", y.Linear(w));"""), null },
        { "node in a string", Model("""var x = g.Input("x", 4); g.Output($"{x}", x);"""), null },
        { "node as an object", Model("""object o = g.Input("x", 4); g.Output("y", (Node)o);"""), null },
        { "node hash code", Model("""var x = g.Input("x", 4); g.Output("y", x.Linear(x.GetHashCode()));"""), "DSL0102" },
        { "padding struct default", Model("""g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, 3, padding: new Padding()));"""), null },
        { "dim struct default", Model("""g.Output("y", g.Input("x", new Dim(), default(Dim)).Relu());"""), null },
        { "loss and minimize", Model("""var x = g.Input("x", 4).Linear(2); g.Output("y", x); g.Loss("t", x, Loss.CrossEntropy()).MaskedBy("m"); g.Minimize("m", x);"""), null },
        { "use of itself", Model("""var me = g.Use<Net>("me"); g.Output("y", me.Apply(g.Input("x", 4)));"""), null },
        { "block that recurses", Model("""SharedBlock? b = null; b = g.Block("b", n => b!.Apply(n)); g.Output("y", b.Apply(g.Input("x", 4)));"""), null },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_declarations_give_diagnostics_not_a_crash(string what, string source, string? expectedId)
    {
        var failures = new StringBuilder();
        var run = Check(source, what, failures);
        Assert.True(failures.Length == 0, failures.ToString());
        if (expectedId == "")
        {
            Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        }
        else if (expectedId is not null)
        {
            Assert.Contains(run.Diagnostics, d => d.Id == expectedId);
        }
    }

    [Fact]
    public void Mutually_recursive_helpers_report_the_nesting_depth()
    {
        var run = Run("""
            using Dsl;
            [Model]
            public partial class Net
            {
                static Node Ping(Node x) => Pong(x.Relu());
                static Node Pong(Node x) => Ping(x.Relu());
                static void Define(Graph g) => g.Output("y", Ping(g.Input("x", 4)));
            }
            """);

        Assert.Contains(run.Diagnostics, d => d.Id == "DSL0105");
    }

    [Fact]
    public void Define_calling_itself_is_a_diagnostic()
    {
        var run = Run("""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    g.Output("y", g.Input("x", 4).Linear(2));
                    Define(g);
                }
            }
            """);

        Assert.NotEmpty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_partial_class_split_across_files_with_Define_in_the_second_part_generates()
    {
        var run = Run(
            """
            using Dsl;
            namespace Split;
            [Model]
            public partial class Net
            {
                const int Hidden = 16;
            }
            """,
            """
            using Dsl;
            namespace Split;
            public partial class Net
            {
                static Node Block(Node x) => x.Linear(Hidden).Relu();
                static void Define(Graph g) => g.Output("y", Block(g.Input("x", 4)).Linear(2));
            }
            """);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("Linear", run.GeneratedSource("Net"), StringComparison.Ordinal);
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("public partial record Net", "DSL0107")]
    [InlineData("public partial record class Net", "DSL0107")]
    [InlineData("public partial record struct Net", "CS0592")]
    [InlineData("public partial struct Net", "CS0592")]
    [InlineData("public partial interface Net", "CS0592")]
    [InlineData("public enum Net { A }\npublic partial class Other", "CS0592")]
    public void Model_on_a_type_that_is_not_a_class_does_not_crash(string declaration, string expectedId)
    {
        var failures = new StringBuilder();
        var run = Check(
            "using Dsl;\n[Model]\n" + declaration + "\n{\n    static void Define(Graph g) => g.Output(\"y\", g.Input(\"x\", 4).Linear(2));\n}\n",
            declaration,
            failures);

        Assert.True(failures.Length == 0, failures.ToString());

        // [Model] applies to classes (AttributeUsage): C# itself rejects it elsewhere with CS0592. A record is a
        // class to C#, but the generated module cannot be a record: DSL0107 says so instead of skipping it silently.
        Assert.Contains(run.Input.GetDiagnostics().Concat(run.Diagnostics), d => d.Id == expectedId);
        Assert.Empty(run.Generated);
    }

    [Theory]
    [InlineData("namespace .Models;\n[Model]\npublic partial class Net")]
    [InlineData("namespace Models;\n[Model]\npublic partial class : object")]
    [InlineData("namespace Models;\n[Model]\npublic partial class")]
    public void Half_typed_class_headers_generate_nothing_and_leave_the_error_to_the_compiler(string header)
    {
        var failures = new StringBuilder();
        var run = Check("using Dsl;\n" + header + "\n{\n    static void Define(Graph g) => g.Output(\"y\", g.Input(\"x\", 4).Linear(2));\n}\n", header, failures);

        Assert.True(failures.Length == 0, failures.ToString());
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.Generated);
    }

    [Fact]
    public void The_check_itself_catches_a_generator_failure()
    {
        // CS8785 is how the driver reports an exception thrown by a generator; the check must flag it.
        var failures = new StringBuilder();
        var bad = Diagnostic.Create(new DiagnosticDescriptor("CS8785", "t", "m", "c", DiagnosticSeverity.Warning, true), Location.None);
        Flag(new[] { bad }, null, "fake", failures);
        Assert.Contains("CS8785", failures.ToString(), StringComparison.Ordinal);
    }

    private static string Load(string seed) => seed switch
    {
        "SeedSources.DigitClassifier" => SeedSources.DigitClassifier,
        "SeedSources.ResNet" => SeedSources.ResNet,
        _ => File.ReadAllText(Path.Combine(DiagnosticsDocTests.RepoRoot(), seed)),
    };

    private static string Model(string body) => "using Dsl;\n[Model]\npublic partial class Net\n{\n    static void Define(Graph g)\n    {\n        " + body + "\n    }\n}\n";

    private static GeneratorRun Run(params string[] sources)
    {
        var failures = new StringBuilder();
        var run = Check(sources, "source", failures);
        Assert.True(failures.Length == 0, failures.ToString());
        return run;
    }

    private static GeneratorRun Check(string source, string what, StringBuilder failures) => Check(new[] { source }, what, failures);

    private static GeneratorRun Check(string[] sources, string what, StringBuilder failures)
    {
        GeneratorRun run;
        try
        {
            // With Dsl.Onnx referenced: the ONNX emitter sees every mutant too, and its file must compile as well.
            run = GeneratorHarness.RunWithOnnx(sources);
        }
        catch (Exception ex)
        {
            failures.Append(what).Append(": the driver threw ").Append(ex).Append('\n');
            throw new Xunit.Sdk.XunitException(failures.ToString());
        }

        Flag(run.Diagnostics, run, what, failures);
        return run;
    }

    private static void Flag(IEnumerable<Diagnostic> diagnostics, GeneratorRun? run, string what, StringBuilder failures)
    {
        foreach (var exception in run?.Driver.GetRunResult().Results.Select(r => r.Exception).Where(e => e is not null) ?? Enumerable.Empty<Exception?>())
        {
            failures.Append(what).Append(": the generator threw ").Append(exception).Append('\n');
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id is "CS8785" or "DSL0106"))
        {
            failures.Append(what).Append(": ").Append(diagnostic.Id).Append(' ').Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        // Whatever the generator does emit must compile: a module it generates from a bad declaration is a bug too.
        if (run is not null)
        {
            foreach (var error in run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))
            {
                failures.Append(what).Append(": generated code does not compile: ").Append(GeneratorHarness.Describe(new[] { error })).Append('\n');
            }
        }
    }
}
