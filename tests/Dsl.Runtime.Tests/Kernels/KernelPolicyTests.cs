using System;
using System.IO;
using Dsl.Checks;

namespace Dsl.Runtime.Tests.Kernels;

/// <summary>
/// The per-host kernel decision with an injected self-check result: fast only where the check passes, exact where it
/// fails or cannot run, the user's settings first, and the check run at most once per host key.
/// </summary>
public sealed class KernelPolicyTests : IDisposable
{
    private static readonly HostKey Key = new("Test CPU (family 6, model 1, stepping 1)", "abc", "TorchSharp 0.0.1", HostKey.CheckRevision);
    private readonly KernelVerdictCache cache = new(Path.Combine(Path.GetTempPath(), "dsl-kernel-policy-" + Guid.NewGuid().ToString("N")));
    private int checks;

    public void Dispose()
    {
        if (Directory.Exists(cache.Directory))
        {
            Directory.Delete(cache.Directory, recursive: true);
        }
    }

    [Fact]
    public void A_passing_check_keeps_the_fast_kernels_silently()
    {
        var decision = Decide(null, null, Check(KernelCheckOutcome.Passed));

        Assert.Equal(KernelChoice.Fast, decision.Kernels);
        Assert.Equal(KernelSource.Checked, decision.Source);
        Assert.Null(decision.Notice);
        Assert.Equal(1, checks);
    }

    [Fact]
    public void A_failing_check_clamps_to_the_exact_kernels_and_says_how_to_override()
    {
        var decision = Decide("auto", null, Check(KernelCheckOutcome.Failed, "gradient norm 1 where float64 gives 2"));

        Assert.Equal(KernelChoice.Exact, decision.Kernels);
        Assert.Equal(KernelSource.Checked, decision.Source);
        Assert.Contains("gradient norm 1 where float64 gives 2", decision.Notice, StringComparison.Ordinal);
        Assert.Contains("DNNL_MAX_CPU_ISA=AVX", decision.Notice, StringComparison.Ordinal);
        Assert.Contains("DSL_ONEDNN_KERNELS=fast", decision.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_cannot_run_clamps_and_is_not_cached()
    {
        var decision = Decide(null, null, Check(KernelCheckOutcome.Unavailable, "no child process"));
        var again = Decide(null, null, Check(KernelCheckOutcome.Passed));

        Assert.Equal(KernelChoice.Exact, decision.Kernels);
        Assert.Equal(KernelSource.CheckUnavailable, decision.Source);
        Assert.Contains("could not run: no child process", decision.Notice, StringComparison.Ordinal);
        Assert.Equal(KernelChoice.Fast, again.Kernels);
        Assert.Equal(2, checks);
    }

    [Theory]
    [InlineData(KernelCheckOutcome.Passed, KernelChoice.Fast)]
    [InlineData(KernelCheckOutcome.Failed, KernelChoice.Exact)]
    public void The_verdict_is_reused_from_the_cache_without_checking_again(KernelCheckOutcome outcome, KernelChoice kernels)
    {
        Decide(null, null, Check(outcome));
        var second = Decide(null, null, Check(KernelCheckOutcome.Unavailable));

        Assert.Equal(1, checks);
        Assert.Equal(kernels, second.Kernels);
        Assert.Equal(KernelSource.Cached, second.Source);
        Assert.Equal(kernels == KernelChoice.Exact, second.Notice is not null);
    }

    [Theory]
    [InlineData("fast", KernelChoice.Fast)]
    [InlineData("FAST", KernelChoice.Fast)]
    [InlineData("exact", KernelChoice.Exact)]
    [InlineData(" Exact ", KernelChoice.Exact)]
    public void The_environment_override_wins_over_the_check_and_runs_none(string mode, KernelChoice kernels)
    {
        var decision = Decide(mode, null, Check(kernels == KernelChoice.Fast ? KernelCheckOutcome.Failed : KernelCheckOutcome.Passed));

        Assert.Equal(kernels, decision.Kernels);
        Assert.Equal(KernelSource.Override, decision.Source);
        Assert.Null(decision.Notice);
        Assert.Equal(0, checks);
    }

    [Theory]
    [InlineData("AVX", KernelChoice.Exact)]
    [InlineData("avx", KernelChoice.Exact)]
    [InlineData("AVX2", KernelChoice.Fast)]
    [InlineData("ALL", KernelChoice.Fast)]
    public void A_DNNL_MAX_CPU_ISA_the_user_set_is_kept_over_everything(string isa, KernelChoice kernels)
    {
        var decision = Decide("exact", isa, Check(KernelCheckOutcome.Failed));

        Assert.Equal(kernels, decision.Kernels);
        Assert.Equal(KernelSource.UserIsa, decision.Source);
        Assert.Contains($"DNNL_MAX_CPU_ISA={isa}", decision.Detail, StringComparison.Ordinal);
        Assert.Equal(0, checks);
    }

    [Fact]
    public void An_unknown_mode_is_refused_with_the_valid_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => Decide("fastest", null, Check(KernelCheckOutcome.Passed)));

        Assert.Contains("DSL_ONEDNN_KERNELS='fastest'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fast", error.Message, StringComparison.Ordinal);
        Assert.Contains("exact", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto", error.Message, StringComparison.Ordinal);
    }

    private KernelDecision Decide(string? mode, string? isa, Func<KernelCheckResult> check) => KernelPolicy.Decide(mode, isa, Key, cache, check);

    private Func<KernelCheckResult> Check(KernelCheckOutcome outcome, string detail = "checked") => () =>
    {
        checks++;
        return new KernelCheckResult(outcome, detail);
    };
}
