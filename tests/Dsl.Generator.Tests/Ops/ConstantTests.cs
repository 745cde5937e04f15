using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary><c>Ops.Zeros / Ones / Full / Eye</c>: float32 constants [1, dims...] that broadcast against [B, ...], made on the input's device.</summary>
public class ConstantTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Reshape(3, 3) + Ops.Eye(3));", "[B, 3, 3]")]
    [InlineData("g.Output(\"y\", x * Ops.Ones(9) - Ops.Zeros(1));", "[B, 9]")]
    [InlineData("g.Output(\"y\", x + Ops.Full(0.5, 9));", "[B, 9]")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x.Reshape(3, 3), Ops.Eye(3)));", "[B, 3, 3]")]
    [InlineData("g.Output(\"y\", Ops.Concat(1, broadcast: true, Ops.Zeros(2), x));", "[B, 11]")]
    public void Constants_broadcast_against_the_batch(string body, string shape) => DefineBody.AssertOutputShape(body, shape, "var x = g.Input(\"x\", 9);");

    [Fact]
    public void Constants_are_made_on_the_first_inputs_device_in_both_exports()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.Reshape(3, 3) + Ops.Eye(3) * Ops.Full(-2, 1, 1));", "var x = g.Input(\"x\", 9);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string module = run.GeneratedSource("Net");
        Assert.Contains("global::TorchSharp.torch.eye(3, dtype: global::TorchSharp.torch.float32, device: inputs.X.device).unsqueeze(0)", module);
        Assert.Contains("global::TorchSharp.torch.full(new long[] { 1, 1, 1 }, -2.0, dtype: global::TorchSharp.torch.float32, device: inputs.X.device)", module);
        string python = run.PyTorchSource("Net");
        Assert.Contains("torch.eye(3, device=x.device).unsqueeze(0)", python);
        Assert.Contains("torch.full((1, 1, 1), -2.0, device=x.device)", python);
        Assert.Contains("0 parameters", module);
    }

    [Theory]
    [InlineData("g.Output(\"y\", x + Ops.Zeros(0));", "DSL0007", "every size must be at least 1 but one is 0")]
    [InlineData("g.Output(\"y\", x.Reshape(3, 3) + Ops.Eye(0));", "DSL0007", "'n' must be at least 1")]
    [InlineData("g.Output(\"y\", x + Ops.Full(double.NaN, 9));", "DSL0007", "'value' must be a finite number")]
    [InlineData("g.Output(\"y\", x + Ops.Eye(3));", "DSL0001", "[B, 9] and [1, 3, 3]")]
    public void Constant_mistakes_are_errors(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, "var x = g.Input(\"x\", 9);");
}
