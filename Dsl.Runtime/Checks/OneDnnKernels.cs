using System;
using System.IO;

namespace Dsl.Checks;

/// <summary>
/// Chooses which oneDNN kernels libtorch uses on the CPU. On some hosts oneDNN's AVX2 / AVX-512 convolution
/// kernels return wrong gradients (see <see cref="ConvolutionSelfCheck"/>); its AVX kernels are exact there, and
/// 1.4-1.8x slower everywhere. oneDNN reads <c>DNNL_MAX_CPU_ISA</c> from the process environment once, on first
/// use, so call one of these at startup, before any tensor operation:
/// <list type="bullet">
/// <item><see cref="ChooseForThisHost"/> (what the examples and tests call): the fast kernels wherever a self-check
/// on this CPU passes, the exact ones where it fails; overridable with <c>DSL_ONEDNN_KERNELS=fast|exact|auto</c>.</item>
/// <item><see cref="UseExactKernels"/> / <see cref="UseFastKernels"/>: the program decides.</item>
/// </list>
/// A <c>DNNL_MAX_CPU_ISA</c> the user set is never overridden. The first decision in a process holds.
/// An app that calls none of them gets <see cref="ChooseForThisHost"/> automatically, the first time the runtime
/// trains (<see cref="Training.Trainer.Fit"/>) or a generated module checks its inputs at the start of
/// <c>forward</c>, before any layer runs (<see cref="ChooseOnFirstUse"/>).
/// </summary>
public static class OneDnnKernels
{
    /// <summary>The environment variable that overrides the per-host choice: <c>fast</c>, <c>exact</c> or <c>auto</c> (default).</summary>
    public const string ModeVariable = "DSL_ONEDNN_KERNELS";

    private static readonly object Gate = new();
    // Volatile: ChooseOnFirstUse reads it without the lock on every forward pass.
    private static volatile KernelDecision? decided;

    /// <summary>The kernels chosen in this process, or null before any of the choosing methods ran.</summary>
    public static KernelDecision? Current
    {
        get
        {
            lock (Gate)
            {
                return decided;
            }
        }
    }

    /// <summary>
    /// Uses oneDNN's fast default kernels unless they are wrong on this host: the verdict of a convolution self-check
    /// run once per CPU model and libtorch build in a short child process (about a second), cached in the user's
    /// cache folder, so later starts cost a file read. Where the check fails (or cannot run) the kernels are limited
    /// to AVX and one line on stderr says so. <c>DSL_ONEDNN_KERNELS=fast|exact</c> overrides the check; a
    /// <c>DNNL_MAX_CPU_ISA</c> set before the process started is kept.
    /// </summary>
    /// <remarks>A <c>DSL_ONEDNN_KERNELS</c> other than fast, exact or auto is reported on stderr and treated as auto.</remarks>
    public static KernelDecision ChooseForThisHost() => Choose(KernelVerdictCache.ForUser(), KernelCheckProcess.Run, Console.Error);

    /// <summary>
    /// <see cref="ChooseForThisHost"/> unless a choice was made already: what the runtime calls before it first trains
    /// or runs a generated module, so an app that never chooses still gets exact gradients on a host whose fast
    /// kernels are wrong. After the first call it is one volatile read. It does nothing in the self-check's child
    /// process, which must run oneDNN's default kernels.
    /// </summary>
    internal static void ChooseOnFirstUse()
    {
        if (decided is not null || Environment.GetEnvironmentVariable(KernelCheckProcess.ChildVariable) == "1")
        {
            return;
        }

        ChooseForThisHost();
    }

    private static KernelDecision Choose(KernelVerdictCache cache, Func<KernelCheckResult> check, TextWriter notices)
    {
        lock (Gate)
        {
            if (decided is not null)
            {
                return decided;
            }

            string? mode = Environment.GetEnvironmentVariable(ModeVariable);
            string? isa = Environment.GetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable);
            KernelDecision decision;
            try
            {
                decision = KernelPolicy.Decide(mode, isa, HostKey.Current(), cache, check);
            }
            catch (ArgumentException e)
            {
                // A mistyped setting must not stop the program: say so and decide as auto does.
                notices.WriteLine($"Dsl: {e.Message.Replace(" (Parameter 'mode')", "", StringComparison.Ordinal)} Using auto.");
                decision = KernelPolicy.Decide(null, isa, HostKey.Current(), cache, check);
            }

            Apply(decision);
            if (decision.Notice is { } notice)
            {
                notices.WriteLine(notice);
            }

            return decision;
        }
    }

    /// <summary>Limits oneDNN to AVX kernels for this process unless <c>DNNL_MAX_CPU_ISA</c> is set already.</summary>
    /// <returns>True when this call set the limit.</returns>
    public static bool UseExactKernels()
    {
        lock (Gate)
        {
            decided ??= KernelPolicy.FromUserIsa(Environment.GetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable));
            if (decided is not null)
            {
                return false;
            }

            decided = new KernelDecision(KernelChoice.Exact, KernelSource.Override, "the program called OneDnnKernels.UseExactKernels().");
            return SetIsa();
        }
    }

    /// <summary>Keeps oneDNN's fast default kernels without a check (a <c>DNNL_MAX_CPU_ISA</c> the user set still holds).</summary>
    public static KernelDecision UseFastKernels()
    {
        lock (Gate)
        {
            decided ??= KernelPolicy.FromUserIsa(Environment.GetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable))
                ?? new KernelDecision(KernelChoice.Fast, KernelSource.Override, "the program called OneDnnKernels.UseFastKernels().");
            return decided;
        }
    }

    private static void Apply(KernelDecision decision)
    {
        decided = decision;
        if (decision.Kernels == KernelChoice.Exact && decision.Source != KernelSource.UserIsa)
        {
            SetIsa();
        }
    }

    private static bool SetIsa() => NativeEnvironment.SetUnlessSet(ConvolutionSelfCheck.IsaVariable, "AVX");
}
