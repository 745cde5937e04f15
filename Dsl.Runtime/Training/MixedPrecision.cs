using System;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>The precision a model trains in (<see cref="TrainingOptions.Precision"/>).</summary>
public enum Precision
{
    /// <summary>Everything in float32 (the default).</summary>
    Float32,

    /// <summary>
    /// bf16-mixed, as PyTorch's autocast and Lightning's <c>precision="bf16-mixed"</c>, but decided by the generator per op at
    /// compile time: convolutions, linear layers and matmul compute in bfloat16; reductions, normalisation statistics,
    /// softmax, losses and everything a loss reads in float32; the weights, their gradients and the optimizer state stay
    /// float32, and so do checkpoints, weight files and exports.
    /// </summary>
    Bf16Mixed,

    /// <summary>
    /// <see cref="Bf16Mixed"/> where it pays on this machine, <see cref="Float32"/> elsewhere: on a CPU, bf16-mixed only when
    /// the CPU computes bfloat16 natively and this host's bfloat16 kernels measured at least <see cref="Bf16Speed.Threshold"/>
    /// times faster than its float32 ones (<see cref="Bf16Speed"/>, measured once per CPU model and thread count and cached);
    /// on a GPU, bf16-mixed. The choice and the measurement behind it are written once per process.
    /// </summary>
    Auto,
}

/// <summary>
/// The run-time side of bf16-mixed precision. A generated model whose ops include one that computes in bfloat16 has a
/// second forward with the casts its generator placed; <c>forward</c> takes it while <see cref="IsActive"/> (set by
/// <see cref="Trainer.Fit{TModel}"/> for <see cref="Precision.Bf16Mixed"/>, on the training thread, or by <see cref="Enter"/>).
/// <see cref="Bf16(Linear)"/> and its overloads hand a layer to that forward with its float32 weights cast to bfloat16:
/// the cast is part of the autograd graph, so the gradients reach the float32 weights in float32.
/// </summary>
public static class MixedPrecision
{
    [ThreadStatic]
    private static bool active;

    private static readonly System.Runtime.CompilerServices.StrongBox<bool> Warned = new();

    /// <summary>True while a bf16-mixed forward is wanted on this thread.</summary>
    public static bool IsActive => active;

    /// <summary>
    /// True where this machine's CPU computes bfloat16 natively (AVX512_BF16 or AMX-BF16 in /proc/cpuinfo); without it
    /// bfloat16 kernels are emulated and slower than float32.
    /// </summary>
    public static bool CpuSupportsBf16 { get; } = ProbeCpu();

    /// <summary>
    /// Switches the bf16-mixed forward on for this thread until the result is disposed (nested scopes restore the outer
    /// state). <paramref name="precision"/> <see cref="Precision.Float32"/> changes nothing. On a CPU without bfloat16
    /// support it writes one warning line (once per process) to <paramref name="log"/> and stays in float32 unless
    /// <paramref name="force"/>; a CUDA device takes the same code path (not tested here). <see cref="Precision.Auto"/> switches
    /// it on only where bfloat16 pays on this host (<see cref="Bf16Speed"/>; measured on the first call, then cached) and
    /// writes its choice once.
    /// </summary>
    /// <param name="precision">The precision wanted.</param>
    /// <param name="device">The device the model trains on.</param>
    /// <param name="force">Use bfloat16 even on a CPU without native support.</param>
    /// <param name="log">Where the warning goes; standard error when null.</param>
    /// <returns>The scope; dispose it to restore the previous state.</returns>
    public static IDisposable Enter(Precision precision, Device? device = null, bool force = false, TextWriter? log = null)
    {
        bool gpu = device is not null && device.type != DeviceType.CPU;
        return EnterWith(precision, gpu || CpuSupportsBf16, force, log, Warned, gpu ? null : HostSpeed);
    }

    /// <summary>
    /// <see cref="Enter(Precision, Device?, bool, TextWriter?)"/> with the device's support, the warned-once flag and the
    /// per-host decision given (tests); a null <paramref name="speed"/> is a device where bfloat16 pays (a GPU).
    /// </summary>
    internal static IDisposable EnterWith(
        Precision precision,
        bool cpuSupportsBf16,
        bool force,
        TextWriter? log,
        System.Runtime.CompilerServices.StrongBox<bool> warnedOnce,
        Func<(bool Pays, string Why)>? speed = null)
    {
        bool previous = active;
        switch (precision)
        {
            case Precision.Bf16Mixed when !cpuSupportsBf16 && !force:
                SayOnce(warnedOnce, log, "warning: Precision.Bf16Mixed asked, but this CPU has no native bfloat16 (no avx512_bf16 or amx_bf16 in /proc/cpuinfo): training in float32 instead; set TrainingOptions.ForcePrecision to use bfloat16 anyway.");
                break;
            case Precision.Bf16Mixed:
                active = true;
                break;
            case Precision.Auto when !cpuSupportsBf16:
                SayOnce(warnedOnce, log, "Precision.Auto: this CPU has no native bfloat16 (no avx512_bf16 or amx_bf16 in /proc/cpuinfo): training in float32.");
                break;
            case Precision.Auto when speed is null:
                active = true;
                break;
            case Precision.Auto:
                {
                    var (pays, why) = speed();
                    SayOnce(warnedOnce, log, $"Precision.Auto: training in {(pays ? "bf16-mixed" : "float32")}: {why}.");
                    active = pays;
                    break;
                }
        }

        return new Scope(previous);
    }

    /// <summary>Whether bf16-mixed pays on this host, and why: the override variable, else the cached or new measurement.</summary>
    internal static (bool Pays, string Why) HostSpeed()
    {
        string? chosen = Environment.GetEnvironmentVariable(Bf16Speed.OverrideVariable);
        switch (chosen?.Trim().ToLowerInvariant())
        {
            case null or "":
                var (measurement, cached) = Bf16Speed.ForThisHost();
                return (Bf16Speed.Pays(measurement), $"{measurement} ({(cached ? "measured on this host before" : "measured now")}; bf16-mixed from {Bf16Speed.Threshold.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}x; {Bf16Speed.OverrideVariable}=bf16 or fp32 decides instead)");
            case "bf16":
                return (true, $"{Bf16Speed.OverrideVariable}=bf16");
            case "fp32":
                return (false, $"{Bf16Speed.OverrideVariable}=fp32");
            default:
                throw new InvalidOperationException($"{Bf16Speed.OverrideVariable} is '{chosen}': expected bf16, fp32, or unset to let Precision.Auto measure this host.");
        }
    }

    private static void SayOnce(System.Runtime.CompilerServices.StrongBox<bool> saidOnce, TextWriter? log, string line)
    {
        lock (saidOnce)
        {
            if (saidOnce.Value)
            {
                return;
            }

            saidOnce.Value = true;
            (log ?? Console.Error).WriteLine(line);
        }
    }

    /// <summary>A linear layer computing in bfloat16 from bfloat16 casts of its float32 weights.</summary>
    /// <param name="layer">The layer (its weights stay float32).</param>
    /// <returns>The layer's bfloat16 view for one forward.</returns>
    public static Bf16Layer Bf16(Linear layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return new Bf16Layer(layer.weight, layer.bias, (x, w, b) => nn.functional.linear(x, w, b));
    }

    /// <summary>A convolution (1-d, 2-d, 3-d or transposed) computing in bfloat16 from bfloat16 casts of its float32 weights.</summary>
    /// <param name="layer">The layer (its weights stay float32).</param>
    /// <returns>The layer's bfloat16 view for one forward.</returns>
    public static Bf16Layer Bf16(Convolution layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var c = layer;
        int rank = c.kernel_size.Length;
        long[] stride = c.stride!, padding = c.padding!, dilation = c.dilation!, outputPadding = c.output_padding ?? new long[rank];
        long groups = c.groups;
        Func<Tensor, Tensor, Tensor?, Tensor> run = (c.transposed, rank) switch
        {
            (false, 1) => (x, w, b) => nn.functional.conv1d(x, w, b, stride[0], padding[0], dilation[0], groups),
            (false, 2) => (x, w, b) => nn.functional.conv2d(x, w, b, stride, padding, dilation, groups),
            (false, 3) => (x, w, b) => nn.functional.conv3d(x, w, b, stride, padding, dilation, groups),
            (true, 1) => (x, w, b) => nn.functional.conv_transpose1d(x, w, b, stride[0], padding[0], outputPadding[0], dilation[0], groups),
            (true, 2) => (x, w, b) => nn.functional.conv_transpose2d(x, w, b, stride, padding, outputPadding, dilation, groups),
            (true, 3) => (x, w, b) => nn.functional.conv_transpose3d(x, w, b, stride, padding, outputPadding, dilation, groups),
            _ => throw new NotSupportedException($"A {rank}-d convolution has no bf16-mixed form."),
        };
        return new Bf16Layer(c.weight, c.bias, run);
    }

    private static bool ProbeCpu()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo"))
            {
                return false;
            }

            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("flags", StringComparison.Ordinal))
                {
                    return line.Contains(" avx512_bf16", StringComparison.Ordinal) || line.Contains(" amx_bf16", StringComparison.Ordinal);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }

    private sealed class Scope : IDisposable
    {
        private readonly bool previous;

        public Scope(bool previous) => this.previous = previous;

        public void Dispose() => active = previous;
    }
}

/// <summary>
/// A layer seen through bf16-mixed precision for one forward: <see cref="forward"/> computes in bfloat16 with
/// <see cref="weight"/> and <see cref="bias"/>, bfloat16 casts of the layer's float32 parameters (made once, on first use).
/// </summary>
public sealed class Bf16Layer
{
    private readonly Tensor master;
    private readonly Tensor? masterBias;
    private readonly Func<Tensor, Tensor, Tensor?, Tensor> run;
    private Tensor? weight16;
    private Tensor? bias16;

    internal Bf16Layer(Tensor weight, Tensor? bias, Func<Tensor, Tensor, Tensor?, Tensor> run)
    {
        master = weight;
        masterBias = bias;
        this.run = run;
    }

    /// <summary>The weight, cast to bfloat16 (a differentiable cast of the float32 master weight).</summary>
#pragma warning disable IDE1006, SA1300 // TorchSharp's lower-case member names, as the layer's own
    public Tensor weight => weight16 ??= master.to(ScalarType.BFloat16);

    /// <summary>The bias cast to bfloat16, or null for a layer without one.</summary>
    public Tensor? bias => masterBias is null ? null : bias16 ??= masterBias.to(ScalarType.BFloat16);

    /// <summary>The layer on a bfloat16 input, in bfloat16.</summary>
    /// <param name="input">The bfloat16 input.</param>
    /// <returns>The bfloat16 output.</returns>
    public Tensor forward(Tensor input) => run(input, weight, bias);
#pragma warning restore IDE1006, SA1300
}
