using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary>The pipeline caches: an unrelated edit reruns nothing that matters, an edit to one model reruns only its steps.</summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Parse, TrackingNames.Specs, TrackingNames.AllSpecs, TrackingNames.Analyzed,
    };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(SeedSources.DigitClassifier, SeedSources.ResNet, SeedSources.Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, int tree, string newText)
    {
        var old = compilation.SyntaxTrees.ElementAt(tree);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static Dictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorDriver driver) =>
        TrackedSteps.ToDictionary(
            name => name,
            name => driver.GetRunResult().Results[0].TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray());

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = Edit(compilation, 2, SeedSources.Unrelated.Replace("42", "43"));
        driver = driver.RunGenerators(edited);

        foreach (var (step, reasons) in Reasons(driver))
        {
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(
                r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} ran with reason {r} after an unrelated edit"));
        }
    }

    [Fact]
    public void An_edit_to_one_model_reruns_only_that_models_analysis_and_emission()
    {
        var (driver, compilation) = FirstRun();
        var edited = Edit(compilation, 0, SeedSources.DigitClassifier.Replace("Linear(128", "Linear(256"));
        driver = driver.RunGenerators(edited);

        var analyzed = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Analyzed].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, analyzed.Count);
        Assert.Equal(1, analyzed.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, analyzed.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));

        var sourceOutputs = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Contains(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(sourceOutputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }
}
