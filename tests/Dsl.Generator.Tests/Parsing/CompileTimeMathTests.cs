using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Parsing;

/// <summary>Math at compile time: Math.Sqrt for an attention's 1 / sqrt(d) scale (as its reference code writes math.sqrt), and the refusal of what cannot run.</summary>
public class CompileTimeMathTests
{
    [Fact]
    public void Math_sqrt_of_a_head_size_scales_the_scores()
    {
        var run = DefineBody.Run("const int headSize = 16; g.Output(\"y\", Ops.MatMul(x, x.Transpose(1, 2)) / System.Math.Sqrt(headSize));");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("/ 4", run.PyTorchSource("Net"));
    }

    [Fact]
    public void Math_that_cannot_run_at_compile_time_names_what_can() =>
        DefineBody.AssertSingle("g.Output(\"y\", x * System.Math.Pow(2, 3));", "DSL0102", "'Math.Pow' cannot run at compile time; only Math.Min, Math.Max, Math.Abs and Math.Sqrt on numbers can");
}
