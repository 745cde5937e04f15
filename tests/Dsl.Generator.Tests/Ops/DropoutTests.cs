using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Dropout, Dropout1d and Dropout2d: the shape kept, p in [0, 1) checked at p, and the TorchSharp call that follows the training flag.</summary>
public class DropoutTests
{
    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters.
    [InlineData("4, 100", "Dropout1d(0.2)", "\"[B, 4, 100]\", 0, 0")]
    [InlineData("32, 28, 28", "Dropout2d(0.1)", "\"[B, 32, 28, 28]\", 0, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Theory]
    [InlineData("1.0", "Dropout 'dropout_1': the drop probability p must be in [0, 1) but is 1")]
    [InlineData("-0.1", "Dropout 'dropout_1': the drop probability p must be in [0, 1) but is -0.1")]
    [InlineData("double.NaN", "Dropout: 'p' must be a finite number")]
    public void Dropout_probability_outside_0_1_is_reported_at_p(string p, string message) => DefineBody.AssertSingleAt(
        $"g.Output(\"y\", x.Dropout([|{p}|]));",
        "DSL0007",
        message,
        "var x = g.Input(\"x\", 10);");

    [Fact]
    public void Dropout_is_active_in_training_only() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Dropout(0.5));", "var dropout_1 = global::TorchSharp.torch.nn.functional.dropout(x, 0.5, this.training); // [B, 10]", "var x = g.Input(\"x\", 10);");
}
