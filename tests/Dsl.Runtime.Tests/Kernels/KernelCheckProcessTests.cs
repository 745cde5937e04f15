using System;
using Dsl.Checks;

namespace Dsl.Runtime.Tests.Kernels;

/// <summary>
/// The self-check's child process: its verdict line is read back, anything else is "unavailable", and on this test
/// host the whole round trip (start the test host again with the startup hook, run the check, exit before Main) works.
/// </summary>
public sealed class KernelCheckProcessTests
{
    [Fact]
    public void A_pass_line_among_other_output_is_a_pass()
    {
        var result = KernelCheckProcess.ParseVerdict("loading\r\ndsl-onednn-check: pass agree (3 runs).\r\n");

        Assert.Equal(new KernelCheckResult(KernelCheckOutcome.Passed, "agree (3 runs)."), result);
    }

    [Fact]
    public void A_fail_line_is_a_failure_with_what_differed()
    {
        var result = KernelCheckProcess.ParseVerdict("dsl-onednn-check: fail gradient norm NaN where float64 gives 2\n");

        Assert.Equal(new KernelCheckResult(KernelCheckOutcome.Failed, "gradient norm NaN where float64 gives 2"), result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Segmentation fault\n")]
    [InlineData("dsl-onednn-check: maybe\n")]
    public void Output_without_a_verdict_is_none(string stdout) => Assert.Null(KernelCheckProcess.ParseVerdict(stdout));

    [Fact]
    public void The_child_process_runs_the_check_at_the_default_kernels_and_reports_a_verdict()
    {
        var result = KernelCheckProcess.Run();

        Assert.True(result.Outcome != KernelCheckOutcome.Unavailable, result.Detail);
    }

    [Fact]
    public void This_test_process_chose_its_kernels_before_any_tensor()
    {
        var decision = OneDnnKernels.Current;

        Assert.NotNull(decision);
        Assert.Equal(decision, OneDnnKernels.ChooseForThisHost());
        Assert.Equal(decision.Kernels == KernelChoice.Exact, Environment.GetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable) == "AVX");
    }
}
