using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Benchmarks;

/// <summary>The result of the analyzer benchmark for one set of models.</summary>
/// <param name="WholeProject">All models' diagnostics on a fresh compilation (what a build pays).</param>
/// <param name="OneFile">One model file's diagnostics after an edit to it (what an editor pays per keystroke).</param>
public sealed record AnalyzerResult(string Set, int Models, int Rounds, Samples WholeProject, Samples OneFile)
{
    public double WholeProjectPerModelMs => WholeProject.Median / Models;
}

/// <summary>How long a runaway declaration takes to reach its budget diagnostic through the analyzer.</summary>
public sealed record RunawayResult(string Declaration, string Diagnostic, Samples Time);

/// <summary>
/// The analyzer's cost: it runs on every keystroke in editors. Per round, on the compilation with the generated
/// code (as editors and builds see it): the diagnostics of the whole project on a fresh compilation, then of the
/// first model's file after an edit to it, as an editor asks for one document. Also the time runaway
/// declarations take to reach their budget diagnostic (the interpreter's budgets are set to stop within 1 s).
/// </summary>
public static class AnalyzerBenchmark
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static AnalyzerResult Run(string set, IReadOnlyList<(string Name, string Text)> models, Func<string, string> editModel, int rounds, int warmupRounds)
    {
        var trees = models.Select(m => CSharpSyntaxTree.ParseText(m.Text, ParseOptions, path: m.Name)).ToArray();
        var compilation = WithGeneratedCode(Compilation(trees));
        var edited = CSharpSyntaxTree.ParseText(editModel(models[0].Text), ParseOptions, path: models[0].Name);
        var afterEdit = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == models[0].Name), edited);

        var errors = Analyze(compilation, null).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{set}: the models have DSL errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        var whole = new Samples("whole project");
        var oneFile = new Samples("one file after an edit");
        for (int round = -warmupRounds; round < rounds; round++)
        {
            var fresh = compilation.Clone();
            var clock = Stopwatch.StartNew();
            Analyze(fresh, null);
            double wholeMs = clock.Elapsed.TotalMilliseconds;

            var editedFresh = afterEdit.Clone();
            clock.Restart();
            Analyze(editedFresh, editedFresh.SyntaxTrees.Single(t => t.FilePath == models[0].Name));
            double oneFileMs = clock.Elapsed.TotalMilliseconds;
            if (round >= 0)
            {
                whole.Add(wholeMs);
                oneFile.Add(oneFileMs);
            }
        }

        Console.WriteLine($"  {set}: whole project {whole.Median:F1} ms ({whole.Median / models.Count:F2} ms per model), one file after an edit {oneFile.Median:F1} ms (medians of {rounds})");
        return new AnalyzerResult(set, models.Count, rounds, whole, oneFile);
    }

    /// <summary>Runaway declarations of three shapes, each until its budget diagnostic.</summary>
    public static IReadOnlyList<RunawayResult> Runaways(int rounds)
    {
        var cases = new (string Name, string Helper, string Output, string Expected)[]
        {
            ("binary recursion F(F(x, n-1), n-1), n = 30", "static Node F(Node x, int n) => n == 0 ? x : F(F(x, n - 1), n - 1);", "F(g.Input(\"x\", 4), 30)", "DSL0111"),
            ("a loop of 10^9 iterations", "static int Count() { int n = 0; for (int i = 0; i < 1_000_000_000; i++) n++; return n; }", "g.Input(\"x\", 4).Linear(Count())", "DSL0104"),
            ("6,000 layers in a loop", "static Node Deep(Node x) { for (int i = 0; i < 6000; i++) x = x.Linear(4); return x; }", "Deep(g.Input(\"x\", 4))", "DSL0111"),
        };
        var results = new List<RunawayResult>();
        foreach (var (name, helper, output, expected) in cases)
        {
            string source = "using Dsl;\n[Model]\npublic partial class Runaway\n{\n    " + helper + "\n    static void Define(Graph g) => g.Output(\"y\", " + output + ");\n}\n";
            var compilation = Compilation(new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Runaway.cs") });
            var time = new Samples(name);
            for (int round = -1; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var diagnostics = Analyze(compilation.Clone(), null);
                double ms = clock.Elapsed.TotalMilliseconds;
                if (!diagnostics.Any(d => d.Id == expected))
                {
                    throw new InvalidOperationException($"{name}: expected {expected} but got {string.Join("; ", diagnostics)}");
                }

                if (round >= 0)
                {
                    time.Add(ms);
                }
            }

            Console.WriteLine($"  runaway {name}: {expected} after {time.Median:F0} ms");
            results.Add(new RunawayResult(name, expected, time));
        }

        return results;
    }

    private static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "DslAnalyzerBenchmark",
        trees,
        BenchmarkReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static Compilation WithGeneratedCode(CSharpCompilation compilation)
    {
        CSharpGeneratorDriver.Create(new[] { new ModelGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }

    /// <summary>Every DSL diagnostic of the compilation (with its generated code), as a build reports them.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(Compilation compilation) => Analyze(compilation, null);

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, SyntaxTree? file)
    {
        var withAnalyzer = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return file is null
            ? withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            : withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(file), null, CancellationToken.None).GetAwaiter().GetResult();
    }
}
