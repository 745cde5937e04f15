namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>The element-wise functions' number arguments are checked at the argument (DSL0007).</summary>
public class ElementwiseFunctionDiagnosticsTests
{
    private static string Model(string call) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", 4).{{call}});
        }
        """;

    [Theory]
    [InlineData("Elu([|double.NaN|])", "Elu: 'alpha' must be a finite number")]
    [InlineData("Softplus([|double.PositiveInfinity|])", "Softplus: 'beta' must be a finite number")]
    [InlineData("Softplus([|0|])", "Softplus 'softplus_1': beta must not be 0 (Softplus divides by it)")]
    [InlineData("LeakyRelu([|double.NaN|])", "LeakyRelu: 'negativeSlope' must be a finite number")]
    public void A_number_argument_no_function_accepts(string call, string message) =>
        DiagnosticAssert.Single(Model(call), "DSL0007", message);

    [Fact]
    public void Every_function_generates_code_that_compiles()
    {
        var run = GeneratorHarness.Run(Model("Gelu().Silu().Elu().Selu().Softplus().Hardswish().Relu6().Mish().Abs().Sqrt().Exp().Log().Tanh().Sigmoid().Relu().LeakyRelu()"));

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
    }
}
