using System.Linq;
using Dsl.Generator.Tests.Snapshots;

namespace Dsl.Onnx.Tests.Snapshots;

/// <summary>The exported ONNX graph of every seed network, as text (nodes, attributes, initializer names and shapes), against reviewed snapshots.</summary>
public class OnnxGraphSnapshotTests
{
    public static TheoryData<string> Models() => new(SeedModels.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Models))]
    public void Exported_graph_matches_its_snapshot(string name)
    {
        var type = SeedModels.Find(name);
        var graph = SeedModels.GraphOf(type);
        using var module = SeedModels.Create(type, seed: 1);
        Snapshot.Verify(name + ".onnx", OnnxText.Describe(OnnxExport.ToModel(graph, module)), "txt");
    }

    [Fact]
    public void The_seed_networks_are_all_there()
    {
        Assert.Equal(
            new[] { "DenoisingAutoencoder", "DigitClassifier", "DigitResNet", "MirrorAlignment", "MultitaskNet", "OddOnlyMlp", "ResNet", "SiameseNet", "SiameseTower" },
            SeedModels.Seeds.Select(t => t.Name));
    }
}
