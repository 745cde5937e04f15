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
    /// <paramref name="force"/>; a CUDA device takes the same code path (not tested here).
    /// </summary>
    /// <param name="precision">The precision wanted.</param>
    /// <param name="device">The device the model trains on.</param>
    /// <param name="force">Use bfloat16 even on a CPU without native support.</param>
    /// <param name="log">Where the warning goes; standard error when null.</param>
    /// <returns>The scope; dispose it to restore the previous state.</returns>
    public static IDisposable Enter(Precision precision, Device? device = null, bool force = false, TextWriter? log = null) =>
        EnterWith(precision, device is not null && device.type != DeviceType.CPU || CpuSupportsBf16, force, log, Warned);

    /// <summary><see cref="Enter(Precision, Device?, bool, TextWriter?)"/> with the device's support and the warned-once flag given (tests).</summary>
    internal static IDisposable EnterWith(Precision precision, bool cpuSupportsBf16, bool force, TextWriter? log, System.Runtime.CompilerServices.StrongBox<bool> warnedOnce)
    {
        bool previous = active;
        if (precision == Precision.Bf16Mixed)
        {
            if (!cpuSupportsBf16 && !force)
            {
                lock (warnedOnce)
                {
                    if (warnedOnce.Value)
                    {
                        return new Scope(previous);
                    }

                    warnedOnce.Value = true;
                    (log ?? Console.Error).WriteLine(
                        "warning: Precision.Bf16Mixed asked, but this CPU has no native bfloat16 (no avx512_bf16 or amx_bf16 in /proc/cpuinfo): training in float32 instead; set TrainingOptions.ForcePrecision to use bfloat16 anyway.");
                }
            }
            else
            {
                active = true;
            }
        }

        return new Scope(previous);
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
