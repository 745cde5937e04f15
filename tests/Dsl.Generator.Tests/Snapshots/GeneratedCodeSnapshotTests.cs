using System.IO;
using System.Linq;

namespace Dsl.Generator.Tests.Snapshots;

/// <summary>
/// The generated code of every seed network (Examples/Models), checked against reviewed snapshots, and compiled
/// against TorchSharp with zero warnings.
/// </summary>
public class GeneratedCodeSnapshotTests
{
    // Each file under its own name: the snapshots' #line directives then do not depend on how many models there are.
    private static readonly System.Lazy<GeneratorRun> AllExamples = new(() => GeneratorHarness.RunFiles(
        RepoFiles.ExampleModels().Select(path => (Path.GetFileName(path), File.ReadAllText(path)))));

    public static TheoryData<string> Models() => new(RepoFiles.ExampleModels().Select(Path.GetFileNameWithoutExtension)!);

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_module_matches_its_snapshot(string model)
    {
        // All example models together: some use others (g.Use<DigitClassifier>).
        var run = AllExamples.Value;
        Assert.Equal("", run.DslDiagnostics);
        Snapshot.Verify(model, run.GeneratedSource(model));
    }

    /// <summary>The PyTorch source of every seed network (the generated <c>PyTorchSource</c>), as a reviewed <c>.py</c> file.</summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_pytorch_source_matches_its_snapshot(string model)
    {
        var run = AllExamples.Value;
        Assert.Equal("", run.DslDiagnostics);
        Snapshot.Verify(model, run.PyTorchSource(model), "py");
    }

    [Fact]
    public void Every_seed_network_generates_code_that_compiles_without_any_warning()
    {
        var run = GeneratorHarness.Run(RepoFiles.ExampleModels().Select(File.ReadAllText).ToArray());
        Assert.Equal("", run.DslDiagnostics);
        Assert.Equal(RepoFiles.ExampleModels().Length, run.Modules.Length);
        Assert.Equal(2 * RepoFiles.ExampleModels().Length, run.Generated.Length);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
    }

    [Fact]
    public void Diagnostics_of_a_broken_resnet_match_their_snapshot()
    {
        string source = RepoFiles.Read(Path.Combine("Examples", "Models", "ResNet.cs"))
            .Replace("if (downsample)", "if (false)")
            .Replace("g.Output(\"logits\", logits);", "g.Output(\"logits\", logits);\n        g.Output(\"raw\", g.Input(\"extra\", 8).Conv2d(4, 3));");
        var run = GeneratorHarness.Run(source);
        Snapshot.Verify("ResNet.broken.diagnostics", run.DslDiagnostics, "txt");
    }
}
