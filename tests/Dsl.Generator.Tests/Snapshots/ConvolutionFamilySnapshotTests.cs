namespace Dsl.Generator.Tests.Snapshots;

/// <summary>
/// The generated code of one model that uses every op of the convolution family (per-axis sizes, transposed
/// convolutions, 1-D / 3-D layers, pooling, padding, cropping, norms, channel dropout), checked against a reviewed
/// snapshot and compiled against TorchSharp with no diagnostic; its PyTorch source against a reviewed <c>.py</c> snapshot.
/// </summary>
public class ConvolutionFamilySnapshotTests
{
    [Fact]
    public void Generated_code_of_the_family_matches_its_snapshot()
    {
        // The runtime tests' zoo (tests/Dsl.Runtime.Tests/Models/ConvolutionZoo.cs): trained there, snapshotted here.
        var run = GeneratorHarness.Run(RepoFiles.Read(System.IO.Path.Combine("tests", "Dsl.Runtime.Tests", "Models", "ConvolutionZoo.cs")));

        Assert.Equal("", run.DslDiagnostics);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
        Snapshot.Verify("ConvolutionZoo", run.GeneratedSource("ConvolutionZoo"));
        Snapshot.Verify("ConvolutionZoo", run.PyTorchSource("ConvolutionZoo"), "py");
    }
}
