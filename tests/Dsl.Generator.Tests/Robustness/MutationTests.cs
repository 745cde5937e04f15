using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Dsl.Generator.Tests.Docs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Dsl.Generator.Tests.Robustness;

/// <summary>
/// Seeded mutants of the example models (sizes, names, layer calls, deleted and repeated statements and tokens),
/// each compiled with all the other models through the generator and the analyzer: no exception, no DSL0106, no
/// generated code that fails to compile, no hang; the compilation references Dsl.Onnx, so the ONNX graph emitter runs on every
/// mutant too (a per-layer cost there once made a large layer count hang the build). 200 mutants by default (CI); <c>DSL_MUTANTS=3000</c> for more,
/// <c>DSL_MUTATION_SEED</c> for another sequence. Prints the counts (they are in the TRX; .ci/run echoes them).
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    /// <summary>A hang, not a slow machine: a mutant normally takes well under a second.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    /// <summary>Sizes, with the extremes: a huge long is a C# error where an int goes, and a value where a long or a Dim goes.</summary>
    private static readonly string[] Sizes =
    {
        "0", "1", "-1", "2", "3", "7", "1000", "int.MaxValue", "int.MinValue", "1_000_000", "long.MaxValue", "9_000_000_000L", "unchecked((int)9_000_000_001L)",
    };

    private static readonly string[] Names = { "\"\"", "\"x\"", "\"Clone\"", "\"losses\"", "\"forward\"", "\"class\"", "\"image\"", "\"a b\"", "\"Inputs\"", "\"label\"" };

    /// <summary>Layer calls that are swapped for each other (same receiver, often a different rank or arity).</summary>
    private static readonly string[] Layers =
    {
        "Conv2d", "Linear", "Relu", "Flatten", "MaxPool2d", "AvgPool2d", "BatchNorm2d", "BatchNorm1d", "Dropout", "Sigmoid",
        "Tanh", "GlobalAvgPool2d", "UpSample2d", "Softmax", "LogSoftmax",
    };

    [Fact]
    public void Mutants_of_the_example_models_never_break_the_generator()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("DSL_MUTANTS"), out int n) && n > 0 ? n : 200;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("DSL_MUTATION_SEED"), out int s) ? s : 20261130;
        var models = Directory.GetFiles(Path.Combine(DiagnosticsDocTests.RepoRoot(), "Examples", "Models"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path: Path.GetFileName(p), Source: File.ReadAllText(p)))
            .ToList();
        var trees = models.Select(m => CSharpSyntaxTree.ParseText(m.Source, GeneratorHarness.ParseOptions, path: m.Path)).ToList();
        var random = new Random(seed);
        int dslErrors = 0, clean = 0, csharpErrors = 0;
        var failures = new StringBuilder();
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var baseline = GeneratorHarness.Run(GeneratorHarness.CompileWithOnnx(trees), GeneratorHarness.CreateDriver()).Generated.ToDictionary(g => g.HintName, g => g.Source);

        for (int i = 0; i < count; i++)
        {
            int target = random.Next(models.Count);
            var (mutant, what) = Mutate(models[target].Source, random);
            var mutated = CSharpSyntaxTree.ParseText(mutant, GeneratorHarness.ParseOptions, path: models[target].Path);
            string label = $"mutant {i} ({models[target].Path}: {what})";

            var started = Stopwatch.StartNew();
            GeneratorRun run;
            List<Diagnostic> reported;
            try
            {
                run = GeneratorHarness.Run(GeneratorHarness.CompileWithOnnx(trees.Select((t, j) => j == target ? mutated : t)), GeneratorHarness.CreateDriver());
                reported = GeneratorHarness.AnalyzeFile(run.Output, run.Output.SyntaxTrees.Single(t => t.FilePath == mutated.FilePath))
                    .Concat(run.GeneratorDiagnostics)
                    .ToList();
            }
            catch (Exception ex)
            {
                failures.AppendLine($"{label}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            var elapsed = started.Elapsed;
            slowest = elapsed > slowest ? elapsed : slowest;
            if (elapsed > HangLimit)
            {
                failures.AppendLine($"{label}: took {elapsed.TotalSeconds:0.0} s");
            }

            foreach (var internalError in reported.Where(d => d.Id is "DSL0106" or "CS8785" or "AD0001"))
            {
                failures.AppendLine($"{label}: {internalError.Id} {internalError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            // Only the mutated file and generated files that changed can have new errors: the rest is as in the
            // unmutated models, which compile.
            var changed = run.Generated.Where(g => !baseline.TryGetValue(g.HintName, out string? before) || before != g.Source).Select(g => g.HintName).ToHashSet();
            var errors = run.Output.SyntaxTrees
                .Where(t => t.FilePath == mutated.FilePath || (ModelGenerator.IsGenerated(t) && changed.Contains(Path.GetFileName(t.FilePath))))
                .SelectMany(t => run.Output.GetSemanticModel(t).GetDiagnostics())
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .ToList();
            foreach (var generated in errors.Where(d => ModelGenerator.IsGenerated(d.Location.SourceTree!)))
            {
                failures.AppendLine($"{label}: generated code does not compile: {GeneratorHarness.Describe(new[] { generated })}");
            }

            if (reported.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                dslErrors++;
            }
            else if (errors.Count > 0)
            {
                csharpErrors++; // the mutant is not valid C#; the compiler says why
            }
            else
            {
                clean++;
            }
        }

        output.WriteLine(
            $"mutation: {count} mutants tried (seed {seed}), {dslErrors} with DSL errors, {clean} clean compiles, " +
            $"{csharpErrors} with only C# errors, {CountLines(failures)} failures; slowest {slowest.TotalSeconds:0.00} s, all {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(dslErrors > 0 && clean > 0, "the mutants must exercise both paths: errors and clean compiles");
    }

    private static int CountLines(StringBuilder text) => text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>One mutation of <paramref name="source"/> and what it was.</summary>
    private static (string Source, string What) Mutate(string source, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var define = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>().First();
        var tokens = define.DescendantTokens().ToList();
        for (int attempt = 0; attempt < 20; attempt++)
        {
            switch (random.Next(5))
            {
                case 0 when Pick(tokens, t => t.IsKind(SyntaxKind.NumericLiteralToken), random) is { } number:
                    return Replace(source, number.Span, Sizes[random.Next(Sizes.Length)], "size " + number.Text);
                case 1 when Pick(tokens, t => t.IsKind(SyntaxKind.StringLiteralToken), random) is { } name:
                    return Replace(source, name.Span, Names[random.Next(Names.Length)], "name " + name.Text);
                case 2 when Pick(tokens, t => t.IsKind(SyntaxKind.IdentifierToken) && Layers.Contains(t.Text), random) is { } layer:
                    return Replace(source, layer.Span, Layers[random.Next(Layers.Length)], "layer " + layer.Text);
                case 3 when Pick(define.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>().Where(st => st is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalDeclarationStatementSyntax).ToList(), random) is { } statement:
                    return random.Next(2) == 0
                        ? Replace(source, statement.FullSpan, "", "deleted statement")
                        : Replace(source, new Microsoft.CodeAnalysis.Text.TextSpan(statement.FullSpan.End, 0), statement.ToFullString(), "repeated statement");
                case 4 when tokens.Count > 0:
                    var token = tokens[random.Next(tokens.Count)];
                    return Replace(source, token.Span, "", "deleted token " + token.Text);
            }
        }

        return (source, "unchanged");
    }

    private static SyntaxToken? Pick(List<SyntaxToken> tokens, Func<SyntaxToken, bool> where, Random random)
    {
        var matching = tokens.Where(where).ToList();
        return matching.Count == 0 ? null : matching[random.Next(matching.Count)];
    }

    private static T? Pick<T>(List<T> items, Random random)
        where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];

    private static (string, string) Replace(string source, Microsoft.CodeAnalysis.Text.TextSpan span, string text, string what) =>
        (source.Substring(0, span.Start) + text + source.Substring(span.End), what + " -> " + (text.Length == 0 ? "(nothing)" : text.Trim()));
}
