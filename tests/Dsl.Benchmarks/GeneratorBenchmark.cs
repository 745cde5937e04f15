using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Benchmarks;

/// <summary>The result of benchmark 2 for one set of models.</summary>
public sealed record GeneratorResult(
    string Set,
    int Models,
    int Rounds,
    Samples Full,
    Samples UnrelatedEdit,
    Samples ModelEdit,
    PairedRatio UnrelatedOverFull,
    PairedRatio ModelEditOverFull,
    IReadOnlyList<StepTime> Steps);

/// <summary>The time the driver reports for one named pipeline step, summed over its runs, in one full run and one unrelated-edit re-run.</summary>
public sealed record StepTime(string Step, double FullMs, double UnrelatedEditMs);

/// <summary>
/// Benchmark 2: the incremental generator driven in memory (as the generator tests' harness does), against the
/// real Dsl.Runtime and TorchSharp references. Per round: a full run (a new driver on a fresh compilation, as a
/// clean build), then from that driver's state a re-run after an unrelated edit (the model-free file replaced by
/// a changed copy) and a re-run after an edit to one model (its <c>Hidden</c> constant changed). Only the
/// driver's <c>RunGenerators</c> is timed, not the parsing of the edited text.
/// </summary>
public static class GeneratorBenchmark
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Measures one set of model files; <paramref name="editModel"/> returns the edited text of the first.</summary>
    public static GeneratorResult Run(
        string set,
        IReadOnlyList<(string Name, string Text)> models,
        Func<string, string> editModel,
        int rounds,
        int warmupRounds)
    {
        var trees = models
            .Select(m => CSharpSyntaxTree.ParseText(m.Text, ParseOptions, path: m.Name))
            .Append(CSharpSyntaxTree.ParseText(ModelSources.Unrelated, ParseOptions, path: "Unrelated.cs"))
            .ToArray();
        var compilation = CSharpCompilation.Create(
            "DslBenchmarkAssembly",
            trees,
            BenchmarkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        SyntaxTree unrelatedTree = trees[^1];
        SyntaxTree unrelatedEdited = CSharpSyntaxTree.ParseText(ModelSources.Unrelated.Replace("42", "43", StringComparison.Ordinal), ParseOptions, path: unrelatedTree.FilePath);
        SyntaxTree modelTree = trees[0];
        string editedText = editModel(models[0].Text);
        if (editedText == models[0].Text)
        {
            throw new InvalidOperationException($"The edit of {models[0].Name} changed nothing.");
        }

        SyntaxTree modelEdited = CSharpSyntaxTree.ParseText(editedText, ParseOptions, path: modelTree.FilePath);

        Verify(set, models.Count, compilation);

        var full = new Samples("full run");
        var unrelated = new Samples("unrelated edit");
        var modelEdit = new Samples("edit to one model");
        for (int round = -warmupRounds; round < rounds; round++)
        {
            // Clone(): same syntax trees, no semantic state cached from earlier rounds (as a fresh build).
            var fresh = (CSharpCompilation)compilation.Clone();
            var clock = Stopwatch.StartNew();
            GeneratorDriver driver = CreateDriver().RunGenerators(fresh);
            double fullMs = clock.Elapsed.TotalMilliseconds;

            var afterUnrelated = fresh.ReplaceSyntaxTree(fresh.SyntaxTrees.Single(t => t.FilePath == unrelatedTree.FilePath), unrelatedEdited);
            clock.Restart();
            driver.RunGenerators(afterUnrelated);
            double unrelatedMs = clock.Elapsed.TotalMilliseconds;

            var afterModelEdit = fresh.ReplaceSyntaxTree(fresh.SyntaxTrees.Single(t => t.FilePath == modelTree.FilePath), modelEdited);
            clock.Restart();
            driver.RunGenerators(afterModelEdit);
            double modelEditMs = clock.Elapsed.TotalMilliseconds;

            if (round >= 0)
            {
                full.Add(fullMs);
                unrelated.Add(unrelatedMs);
                modelEdit.Add(modelEditMs);
            }
        }

        Console.WriteLine($"  {set}: full {full.Median:F1} ms, unrelated edit {unrelated.Median:F2} ms, edit to one model {modelEdit.Median:F2} ms (medians of {rounds})");
        var steps = StepTimes(compilation, unrelatedTree, unrelatedEdited);
        return new GeneratorResult(set, models.Count, rounds, full, unrelated, modelEdit, PairedRatio.Of(unrelated, full), PairedRatio.Of(modelEdit, full), steps);
    }

    private static GeneratorDriver CreateDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new ModelGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Where the time goes, from the driver's own step tracking (a separate, untimed pass: tracking has a cost):
    /// every named step (the generator's and Roslyn's own for ForAttributeWithMetadataName), its elapsed time
    /// summed over its runs, in a full run and in the re-run after the unrelated edit.
    /// </summary>
    private static IReadOnlyList<StepTime> StepTimes(CSharpCompilation compilation, SyntaxTree unrelatedTree, SyntaxTree unrelatedEdited)
    {
        var fresh = (CSharpCompilation)compilation.Clone();
        GeneratorDriver driver = CreateDriver(trackSteps: true).RunGenerators(fresh);
        var fullSteps = Sum(driver);
        var edited = fresh.ReplaceSyntaxTree(fresh.SyntaxTrees.Single(t => t.FilePath == unrelatedTree.FilePath), unrelatedEdited);
        var editSteps = Sum(driver.RunGenerators(edited));
        return fullSteps.Keys.Union(editSteps.Keys)
            .Select(step => new StepTime(step, fullSteps.GetValueOrDefault(step), editSteps.GetValueOrDefault(step)))
            .OrderByDescending(s => s.FullMs)
            .ToList();

        static Dictionary<string, double> Sum(GeneratorDriver driver) => driver.GetRunResult().Results
            .SelectMany(r => r.TrackedSteps.Concat(r.TrackedOutputSteps))
            .GroupBy(pair => pair.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(pair => pair.Value).Sum(step => step.ElapsedTime.TotalMilliseconds));
    }

    /// <summary>Fails unless every model generates a file and no DSL error is reported: a benchmark of failures measures nothing.</summary>
    private static void Verify(string set, int models, CSharpCompilation compilation)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        // The analyzer reports the DSL errors (a model with errors still gets generated members, so count both).
        var errors = generatorDiagnostics.Concat(AnalyzerBenchmark.Diagnostics(output)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        int generated = output.SyntaxTrees.Count() - compilation.SyntaxTrees.Count();
        if (errors.Count > 0 || generated < models)
        {
            throw new InvalidOperationException(
                $"{set}: {generated} files generated for {models} models; errors:{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
    }
}
