using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// DSL0008 where a tensor could never be allocated (checked without overflow), and DSL0902 above the project's
/// parameter budget (the MSBuild property DslParameterBudget).
/// </summary>
public class SizeLimitTests
{
    private static string Model(string body) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("""g.Output("y", g.Input("v", int.MaxValue).[|Linear(int.MaxValue)|]);""", "Linear 'linear_1': its parameters would hold 4,611,686,016,279,904,256 elements (18.4 EB as float32)")]
    [InlineData("""g.Output("y", g.[|Input("x", 100_000, 100_000, 100_000)|].Relu());""", "Input 'x': its output [B, 100000, 100000, 100000] (per sample) would hold 1,000,000,000,000,000 elements (4 PB as float32)")]
    [InlineData("""g.Output("y", g.Input("x", int.MaxValue, 1, 1).[|Conv2d(int.MaxValue, 1)|]);""", "Conv2d 'conv2d_1': its parameters would hold 4,611,686,016,279,904,256 elements (18.4 EB as float32)")]
    public void A_tensor_no_process_can_allocate_is_an_error_at_its_layer(string marked, string message)
    {
        var diagnostic = DiagnosticAssert.Single(Model(marked), "DSL0008", message + ", more than a 64-bit process can address (128 TiB); use smaller sizes");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void The_largest_model_that_fits_has_no_size_error()
    {
        // 2^45 float32 elements is 128 TiB exactly: the limit itself is allowed.
        var run = GeneratorHarness.Run(Model("""g.Output("y", g.Input("x", 1 << 23).Linear(1 << 22, bias: false));"""));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DSL0008");
    }

    private const string Wide = """g.Output("y", g.Input("x", 40_000).[|Linear(40_000)|]);""";

    [Fact]
    public void Above_the_default_budget_a_warning_names_the_largest_layer()
    {
        DiagnosticAssert.Single(
            Model(Wide),
            "DSL0902",
            "Model 'Net' has 1,600,040,000 parameters (6.4 GB as float32), above the budget of 1,000,000,000; its largest layer is Linear 'linear_1' with 1,600,040,000. If that is intended, raise <DslParameterBudget> in the project file.");
    }

    [Theory]
    [InlineData("2000000000", false)]
    [InlineData("2_000_000_000", false)]
    [InlineData("1000", true)]
    [InlineData("not a number", true)]
    public void The_budget_comes_from_the_project(string budget, bool warns)
    {
        var source = Model(Wide.Replace("[|", "").Replace("|]", ""));
        var output = GeneratorHarness.Run(source).Output;

        var diagnostics = GeneratorHarness.Analyze(output, new Dictionary<string, string> { ["DslParameterBudget"] = budget });

        Assert.Equal(warns, diagnostics.Any(d => d.Id == "DSL0902"));
    }

    [Fact]
    public void A_small_budget_warns_on_a_small_model()
    {
        var output = GeneratorHarness.Run(Model("""g.Output("y", g.Input("x", 4).Linear(2));""")).Output;

        var diagnostic = Assert.Single(GeneratorHarness.Analyze(output, new Dictionary<string, string> { ["DslParameterBudget"] = "5" }));

        Assert.Equal("DSL0902", diagnostic.Id);
        Assert.Contains("has 10 parameters", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
