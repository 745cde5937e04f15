using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>The element-wise functions (Relu, Gelu, Softplus, ...): their number arguments checked at the argument, float inputs only, code that compiles for every one, and the TorchSharp call.</summary>
public class ActivationTests
{
    private const string Small = "var x = g.Input(\"x\", 4);";

    [Theory]
    [InlineData("Elu([|double.NaN|])", "Elu: 'alpha' must be a finite number")]
    [InlineData("Softplus([|double.PositiveInfinity|])", "Softplus: 'beta' must be a finite number")]
    [InlineData("Softplus([|0|])", "Softplus 'softplus_1': beta must not be 0 (Softplus divides by it)")]
    [InlineData("LeakyRelu([|double.NaN|])", "LeakyRelu: 'negativeSlope' must be a finite number")]
    public void A_number_argument_no_function_accepts(string call, string message) =>
        DefineBody.AssertSingleAt($"g.Output(\"y\", x.{call});", "DSL0007", message, Small);

    [Fact]
    public void Every_function_generates_code_that_compiles()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.Gelu().Silu().Elu().Selu().Softplus().Hardswish().Relu6().Mish().Abs().Sqrt().Exp().Log().Tanh().Sigmoid().Relu().LeakyRelu());", Small);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
    }

    [Fact]
    public void Softplus_with_beta_zero_is_reported_at_beta() => DefineBody.AssertSingleAt(
        // (A non-finite slope, alpha or beta is rejected where the argument is read: A_number_argument_no_function_accepts.)
        "g.Output(\"y\", x.Softplus(1).Softplus([|0|]));",
        "DSL0007",
        "Softplus 'softplus_2': beta must not be 0 (Softplus divides by it)",
        "var x = g.Input(\"x\", 10);");

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Relu()); g.Output(\"o\", x);", "DSL0009", "Relu 'relu_1' expects float32 values but got [B, T] int64 (indices)")]
    public void Token_ids_are_reported_with_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, DefineBody.TokensAndSequence);

    [Fact]
    public void An_activation_is_torchs_functional_one() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Relu().Gelu());", "var gelu_1 = global::TorchSharp.torch.nn.functional.gelu(relu_1); // [B, 10]", "var x = g.Input(\"x\", 10);");
}
