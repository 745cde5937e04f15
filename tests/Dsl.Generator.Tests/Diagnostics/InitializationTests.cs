using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// <c>init:</c> on a layer and <c>g.DefaultInit</c> for the model: the generated constructor re-initializes exactly
/// the layers whose initialization is not PyTorch's, and a default that is not concrete or set twice is an error at
/// its argument.
/// </summary>
public class InitializationTests
{
    private static GeneratorRun Run(string body) => GeneratorHarness.Run($$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 1, 8, 8);
                {{body}}
            }
        }
        """);

    [Fact]
    public void The_model_default_applies_to_every_layer_without_its_own_init()
    {
        var run = Run("""
            g.DefaultInit(Init.GlorotUniform);
            var conv = x.Conv2d(4, 3, name: "conv", init: Init.HeNormal).Relu().BatchNorm2d(name: "norm");
            var y = conv.Flatten().Linear(10, name: "head");
            g.Output("y", y.Linear(2, name: "torch_default", init: Init.PyTorch));
            """);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Contains("global::Dsl.Modules.Initialization.Apply(conv, global::Dsl.Init.HeNormal);", source);
        Assert.Contains("global::Dsl.Modules.Initialization.Apply(head, global::Dsl.Init.GlorotUniform);", source);
        // BatchNorm is a layer too: its weight is 1-D, which Initialization leaves at scale 1 (it zeroes the bias).
        Assert.Contains("global::Dsl.Modules.Initialization.Apply(norm, global::Dsl.Init.GlorotUniform);", source);
        Assert.DoesNotContain("Initialization.Apply(torch_default", source);
    }

    [Fact]
    public void Without_any_init_the_constructor_keeps_PyTorchs_initialization()
    {
        var run = Run("g.Output(\"y\", x.Flatten().Linear(3));");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.DoesNotContain("Initialization.Apply", run.GeneratedSource("Net"));
    }

    [Theory]
    [InlineData("g.DefaultInit(Init.Default);", "Init.Default", "the default must be a concrete initialization")]
    [InlineData("g.DefaultInit(Init.HeUniform); g.DefaultInit(Init.GlorotUniform);", "Init.GlorotUniform", "already set by an earlier DefaultInit; call it once")]
    public void A_default_that_is_not_concrete_or_set_twice_is_an_error_at_its_argument(string statements, string argument, string message)
    {
        var run = Run(statements + " g.Output(\"y\", x.Flatten().Linear(3));");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }
}
