using System;

namespace Dsl.Checks;

/// <summary>
/// The decision of <see cref="OneDnnKernels.ChooseForThisHost"/>, free of process state so it can be tested with any
/// check result: a <c>DNNL_MAX_CPU_ISA</c> the user set wins; then <c>DSL_ONEDNN_KERNELS=fast|exact</c>; otherwise
/// (<c>auto</c>, the default) the cached verdict for this host, or else the self-check, whose passed or failed
/// verdict is cached. Only a failed or impossible check limits the kernels.
/// </summary>
public static class KernelPolicy
{
    /// <summary>Decides the kernels.</summary>
    /// <param name="mode">The value of <c>DSL_ONEDNN_KERNELS</c> (null or empty: <c>auto</c>).</param>
    /// <param name="userIsa">The value of <c>DNNL_MAX_CPU_ISA</c> when the process started, or null.</param>
    /// <param name="key">This host's key for the cache.</param>
    /// <param name="cache">Verdicts of earlier checks.</param>
    /// <param name="check">Runs the self-check at the default kernels (a child process in production).</param>
    public static KernelDecision Decide(string? mode, string? userIsa, HostKey key, KernelVerdictCache cache, Func<KernelCheckResult> check)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(check);
        if (FromUserIsa(userIsa) is { } kept)
        {
            return kept;
        }

        switch (mode?.Trim().ToLowerInvariant())
        {
            case "fast":
                return new KernelDecision(KernelChoice.Fast, KernelSource.Override, $"{OneDnnKernels.ModeVariable}=fast.");
            case "exact":
                return new KernelDecision(KernelChoice.Exact, KernelSource.Override, $"{OneDnnKernels.ModeVariable}=exact.");
            case null or "" or "auto":
                break;
            default:
                throw new ArgumentException(
                    $"{OneDnnKernels.ModeVariable}='{mode}' is not a kernel choice: expected fast (oneDNN's default kernels), " +
                    "exact (limited to AVX, slower) or auto (the default: fast where a self-check on this CPU passes).",
                    nameof(mode));
        }

        if (cache.Read(key) is { } cached)
        {
            return FromCheck(cached, KernelSource.Cached);
        }

        var result = check();
        cache.Write(key, result);
        return FromCheck(result, result.Outcome == KernelCheckOutcome.Unavailable ? KernelSource.CheckUnavailable : KernelSource.Checked);
    }

    /// <summary>The decision a <c>DNNL_MAX_CPU_ISA</c> the user set makes (it is kept as it is), or null when it is unset.</summary>
    public static KernelDecision? FromUserIsa(string? userIsa) => string.IsNullOrEmpty(userIsa)
        ? null
        : new KernelDecision(
            string.Equals(userIsa, "AVX", StringComparison.OrdinalIgnoreCase) ? KernelChoice.Exact : KernelChoice.Fast,
            KernelSource.UserIsa,
            $"{ConvolutionSelfCheck.IsaVariable}={userIsa} was set before the process started; it is kept.");

    private static KernelDecision FromCheck(KernelCheckResult result, KernelSource source) => result.Outcome switch
    {
        KernelCheckOutcome.Passed => new KernelDecision(KernelChoice.Fast, source, result.Detail),
        KernelCheckOutcome.Failed => new KernelDecision(KernelChoice.Exact, source, result.Detail),
        _ => new KernelDecision(KernelChoice.Exact, source, $"the convolution self-check could not run: {result.Detail}"),
    };
}
