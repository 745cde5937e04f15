namespace Dsl.Checks;

/// <summary>
/// How libtorch's idle OpenMP threads wait. libgomp's default lets them spin between parallel regions; on a machine
/// whose cores are shared with other processes a spinning thread takes the core another thread of the same step
/// needs, and a 2-thread training step of the seed 001 net took 1.2-1.7 s instead of 0.26-0.30 s here (1 thread:
/// 0.53 s instead of 0.26 s, the idle pool thread still spinning). <c>OMP_WAIT_POLICY=PASSIVE</c> makes them sleep
/// instead. libgomp reads the variable once, when libtorch loads, so call this at startup, before any tensor
/// operation; a value the user set is kept.
/// </summary>
public static class ThreadWaitPolicy
{
    /// <summary>The environment variable libgomp reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> for this process unless it is set already.</summary>
    /// <returns>True when this call set it.</returns>
    public static bool UsePassiveWaiting() => NativeEnvironment.SetUnlessSet(Variable, "PASSIVE");
}
