using System.Linq;

namespace Dsl.Generator.Tests.Parsing;

/// <summary>
/// Hierarchical state-dict names (<c>name: "layer1.0.conv1"</c>): accepted where every segment is an identifier or an
/// index, registered in nested modules (TorchSharp) and as the same keys in the PyTorch export, and checked for clashes
/// between a scope and a layer at compile time.
/// </summary>
public class DottedNameTests
{
    private static GeneratorRun Run(string define) => GeneratorHarness.RunWithOnnx(
        "using Dsl;\n[Model]\npublic partial class Net\n{\n    static void Define(Graph g)\n    {\n        " + define + "\n    }\n}\n");

    [Fact]
    public void Dotted_layer_names_build_nested_modules_with_those_state_dict_keys()
    {
        var run = Run("""
            var x = g.Input("x", 8);
            for (int i = 0; i < 2; i++) { x = x.Linear(8, name: $"encoder.layer.{i}.dense").LayerNorm(name: $"encoder.layer.{i}.norm"); }
            g.Output("y", x.Linear(2, name: "head"));
            """);

        Assert.Equal("", run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        var spec = Assert.Single(run.Specs);
        Assert.Contains(spec.Nodes, n => n.Name == "encoder.layer.1.norm");
        string module = run.GeneratedSource("Net");
        Assert.Contains("ModuleDict<global::TorchSharp.torch.nn.Module>()", module);
        Assert.Contains("register_module(\"encoder\", ", module);
        Assert.Contains(".Add(\"dense\", ", module);
        string python = run.PyTorchSource("Net");
        Assert.Contains("self.encoder._modules[\"layer\"]._modules[\"0\"] = nn.Module()", python);
        Assert.Contains("self.encoder._modules[\"layer\"]._modules[\"0\"]._modules[\"dense\"] = nn.Linear(8, 8", python);
    }

    [Theory]
    [InlineData("x.Linear(4, name: \"block\").Linear(4, name: \"block.0.dense\")", "DSL0300", "Layer name 'block' is already used by another Linear (so 'block.0.dense' cannot be nested under it)")]
    [InlineData("x.Linear(4, name: \"block.0.dense\").Linear(4, name: \"block.0\")", "DSL0300", "Layer name 'block.0' is already used by the scope of layer 'block.0.dense'")]
    [InlineData("x.Linear(4, name: \"block..dense\")", "DSL0301", "a hierarchical state-dict name joins such names and indices with dots (\"layer1.0.conv1\")")]
    [InlineData("x.Linear(4, name: \"block.dense layer\")", "DSL0301", "'block.dense layer' cannot be used as a layer name")]
    public void A_scope_that_is_also_a_layer_or_a_bad_segment_is_reported_at_the_name(string chain, string id, string message)
    {
        var run = Run($"var x = g.Input(\"x\", 8);\n        g.Output(\"y\", {chain});");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("\"block", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_submodel_named_like_a_scope_is_DSL0316()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model] public partial class Inner { static void Define(Graph g) { g.Output("y", g.Input("x", 4).Linear(4)); } }
            [Model]
            public partial class Outer
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 4).Linear(4, name: "encoder.0.dense");
                    g.Output("y", g.Use<Inner>("encoder").Apply(x));
                }
            }
            """);

        Assert.Equal("DSL0316", Assert.Single(run.Diagnostics).Id);
    }
}
