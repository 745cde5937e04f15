using System.Diagnostics;
using Dsl.Checks;

namespace Dsl.Benchmarks;

/// <summary>The cost of <see cref="OneDnnKernels.ChooseForThisHost"/>: a first start (the child-process check) and a later one (the cache).</summary>
public sealed record KernelCheckCost(Samples ChildCheckMs, Samples CachedDecisionMs, KernelCheckResult LastCheck)
{
    /// <summary>
    /// Times <paramref name="childRuns"/> runs of the self-check's child process (what the first start on a host
    /// pays) and 20 cached decisions (the host key plus the cache file read that every later start pays), after one
    /// untimed decision that fills the cache.
    /// </summary>
    public static KernelCheckCost Measure(int childRuns)
    {
        var cache = KernelVerdictCache.ForUser();
        var key = HostKey.Current();
        KernelPolicy.Decide(null, null, key, cache, KernelCheckProcess.Run);
        var child = new Samples("child-process check");
        KernelCheckResult last = new(KernelCheckOutcome.Unavailable, "not run");
        for (int i = 0; i < childRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            last = KernelCheckProcess.Run();
            child.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cached = new Samples("cached decision");
        for (int i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            KernelPolicy.Decide(null, null, HostKey.Current(), cache, () => new KernelCheckResult(KernelCheckOutcome.Unavailable, "the cache missed"));
            cached.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new KernelCheckCost(child, cached, last);
    }
}
