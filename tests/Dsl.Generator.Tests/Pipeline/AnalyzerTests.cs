using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary>
/// How diagnostics flow: <see cref="ModelAnalyzer"/> reports every DSL diagnostic (editors ask analyzers), the
/// generator reports none of them, suppression works as for any analyzer, and a model with errors still gets
/// the members its users need to compile.
/// </summary>
public class AnalyzerTests
{
    private const string ShapeMistake = """
        using Dsl;
        namespace App;

        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var image = g.Input("image", 1, 28, 28);
                var logits = image.Conv2d(8, 3).Relu().Linear(10);
                g.Output("logits", logits);
                g.Loss("label", logits, Loss.CrossEntropy(), weight: 0.5);
            }
        }
        """;

    [Fact]
    public void The_analyzer_reports_a_shape_mistake_once_and_the_generator_not_at_all()
    {
        var run = GeneratorHarness.Run(ShapeMistake);

        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal("DSL0002", diagnostic.Id);
        Assert.Equal("Linear(10)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan).Split('.').Last());
    }

    [Fact]
    public void Code_that_uses_a_model_with_errors_compiles_against_its_skeleton()
    {
        const string usage = """
            using App;
            using TorchSharp;

            public static class Usage
            {
                public static object Run(torch.Tensor image, torch.Tensor label)
                {
                    using var model = new Net();
                    using var outputs = model.Forward(image);
                    using var losses = model.ComputeLoss(outputs, new Net.Targets(label));
                    Dsl.Training.ITrainableModel trainable = model;
                    return (outputs.Logits, losses.Total, losses.Label, Net.Info.TotalParameters, trainable);
                }
            }
            """;

        var run = GeneratorHarness.Run(ShapeMistake, usage);

        string skeleton = run.GeneratedSource("Net");
        Assert.Contains("Model 'Net' was not generated because its Define has DSL errors: DSL0002: Linear 'linear_1' expects a 2-D input", skeleton);
        // Its PyTorch source exists too (code naming Net.PyTorchSource compiles) and says why it cannot run.
        Assert.Equal("raise RuntimeError(\"Net has DSL errors (the build lists them): fix them to get its PyTorch source.\")\n", run.PyTorchSource("Net"));
        var csharp = run.OutputDiagnostics.Where(d => !d.Id.StartsWith("DSL", System.StringComparison.Ordinal)).ToList();
        Assert.True(csharp.Count == 0, "the skeleton must leave no C# error or warning:\n" + GeneratorHarness.Describe(csharp));
        Assert.Equal(new[] { "DSL0002" }, run.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_model_whose_Define_cannot_be_interpreted_gets_no_skeleton()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 4);
                    g.Output("y", System.Environment.TickCount > 0 ? x.Linear(2) : x.Linear(3));
                }
            }
            """);

        Assert.NotEmpty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.Generated);
    }

    private const string UnusedNode = """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                var unused = x.Linear(3);
                g.Output("y", x.Linear(2));
            }
        }
        """;

    [Fact]
    public void Warnings_follow_pragma_and_severity_options_like_any_analyzer_warning()
    {
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(GeneratorHarness.Run(UnusedNode).Diagnostics, d => d.Id == "DSL0900").Severity);

        string pragma = UnusedNode.Replace("var unused", "#pragma warning disable DSL0900\n        var unused");
        Assert.DoesNotContain(GeneratorHarness.Run(pragma).Diagnostics, d => d.Id == "DSL0900");

        Assert.DoesNotContain(RunWithOption(UnusedNode, ReportDiagnostic.Suppress), d => d.Id == "DSL0900");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(RunWithOption(UnusedNode, ReportDiagnostic.Error), d => d.Id == "DSL0900").Severity);
    }

    private static IEnumerable<Diagnostic> RunWithOption(string source, ReportDiagnostic option)
    {
        var compilation = GeneratorHarness.Compile(source);
        var options = compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("DSL0900", option));
        return GeneratorHarness.Run(compilation.WithOptions(options), GeneratorHarness.CreateDriver()).Diagnostics;
    }

    [Theory]
    [InlineData("A", "B", "C")]
    [InlineData("C", "B", "A")]
    [InlineData("B", "C", "A")]
    public void A_cycle_is_reported_once_at_the_same_use_whatever_order_the_models_come_in(string first, string second, string third)
    {
        var models = new Dictionary<string, string>
        {
            ["A"] = Model("A", "B"),
            ["B"] = Model("B", "C"),
            ["C"] = Model("C", "A"),
        };

        var run = GeneratorHarness.Run(models[first], models[second], models[third]);

        var cycle = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0310", cycle.Id);
        Assert.Equal("Model 'C' uses 'A', which leads back to 'C' (A -> B -> C -> A); a model cannot contain itself", cycle.GetMessage(CultureInfo.InvariantCulture));

        static string Model(string name, string uses) => $$"""
            using Dsl;
            [Model]
            public partial class {{name}}
            {
                static void Define(Graph g) => g.Output("y", g.Use<{{uses}}>("inner").Apply(g.Input("x", 4)));
            }
            """;
    }

    [Fact]
    public void A_mistake_in_a_used_model_is_reported_in_that_model_only()
    {
        var run = GeneratorHarness.Run(
            """
            using Dsl;
            [Model]
            public partial class Outer
            {
                static void Define(Graph g) => g.Output("y", g.Use<Inner>("inner").Apply(g.Input("x", 1, 8, 8)));
            }
            """,
            """
            using Dsl;
            [Model]
            public partial class Inner
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 1, 8, 8).Linear(3));
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0002", diagnostic.Id);
        Assert.Equal("Model1.cs", diagnostic.Location.SourceTree!.FilePath);
    }
}
