using System;
using System.Collections.Generic;
using System.Linq;
using Dsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>BatchNorm1d over features [B, 6].</summary>
[Model]
public partial class BatchNormFlat
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 6).BatchNorm1d(eps: 1e-3, momentum: 0.2, name: "bn"));
}

/// <summary>BatchNorm1d over a sequence [B, 4, 5] (channels 4).</summary>
[Model]
public partial class BatchNormSequence
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 4, 5).BatchNorm1d(name: "bn"));
}

/// <summary>BatchNorm2d over [B, 3, 4, 5].</summary>
[Model]
public partial class BatchNormImage
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 3, 4, 5).BatchNorm2d(name: "bn"));
}

/// <summary>BatchNorm3d over [B, 2, 3, 4, 5].</summary>
[Model]
public partial class BatchNormVolume
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 2, 3, 4, 5).BatchNorm3d(name: "bn"));
}

/// <summary>LayerNorm over the last dim of [B, 3, 4, 6], declared channels last (a rank-4 input reads as an image otherwise, DSL0012).</summary>
[Model]
public partial class LayerNormOneDim
{
    static void Define(Graph g) => g.Output("y", g.Input("x", AxisLayout.ChannelsLast, 3, 4, 6).LayerNorm(name: "ln"));
}

/// <summary>LayerNorm over the last two dims of [B, 3, 4, 6].</summary>
[Model]
public partial class LayerNormTwoDims
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 3, 4, 6).LayerNorm(dims: 2, eps: 1e-4, name: "ln"));
}

/// <summary>LayerNorm over all three dims of [B, 3, 4, 6], without scale and shift.</summary>
[Model]
public partial class LayerNormThreeDims
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 3, 4, 6).LayerNorm(dims: 3, affine: false, name: "ln"));
}

/// <summary>GroupNorm with 3 groups of 2 channels over [B, 6, 4, 5].</summary>
[Model]
public partial class GroupNormImage
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 6, 4, 5).GroupNorm(3, name: "gn"));
}

/// <summary>InstanceNorm2d over [B, 3, 4, 5], without and with scale and shift.</summary>
[Model]
public partial class InstanceNormImage
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 3, 4, 5);
        g.Output("plain", x.InstanceNorm2d(name: "plain_norm"));
        g.Output("affine", x.InstanceNorm2d(eps: 1e-3, affine: true, name: "affine_norm"));
    }
}

/// <summary>
/// Every normalization op against a hand computation in double precision, written from the definitions (not from
/// torch): the mean and the biased variance over exactly the dimensions the op normalizes, eps inside the root, then
/// the per-channel or per-element scale and shift. The scales, shifts and BatchNorm's running statistics are random,
/// so a wrong axis, a missing dim, a swapped scale and shift, or running statistics used in training all fail.
/// </summary>
public sealed class NormalizationNumericsTests
{
    private const double Tolerance = 2e-5;

    [Theory]
    [InlineData("flat")]
    [InlineData("sequence")]
    [InlineData("image")]
    [InlineData("volume")]
    public void BatchNorm_normalizes_each_channel_over_the_batch_and_positions_and_updates_the_running_statistics(string kind)
    {
        (nn.Module model, long[] shape, double eps, double momentum) = kind switch
        {
            "flat" => ((nn.Module)new BatchNormFlat(), new long[] { 5, 6 }, 1e-3, 0.2),
            "sequence" => (new BatchNormSequence(), new long[] { 3, 4, 5 }, 1e-5, 0.1),
            "image" => (new BatchNormImage(), new long[] { 2, 3, 4, 5 }, 1e-5, 0.1),
            _ => (new BatchNormVolume(), new long[] { 2, 2, 3, 4, 5 }, 1e-5, 0.1),
        };
        using var disposeModel = model;
        var state = Randomize(model, seed: 11);
        double[] weight = state["bn.weight"], bias = state["bn.bias"], runningMean = state["bn.running_mean"], runningVar = state["bn.running_var"];
        double[] x = Input(shape, seed: 12, out var input);
        using var disposeInput = input;
        int channels = (int)shape[1];

        // Training: the batch's statistics per channel.
        model.train();
        double[] trained = Run(model, input);
        var (mean, variance, count) = Statistics(x, shape, index => index[1], channels);
        double[] expected = Map(x, shape, (value, index) =>
            (value - mean[index[1]]) / Math.Sqrt(variance[index[1]] + eps) * weight[index[1]] + bias[index[1]]);
        AssertClose(expected, trained, $"BatchNorm ({kind}) in training");

        // Running statistics: (1 - momentum) * old + momentum * batch, the variance unbiased (n / (n - 1)), as PyTorch does.
        double[] newMean = Enumerable.Range(0, channels).Select(c => (1 - momentum) * runningMean[c] + momentum * mean[c]).ToArray();
        double[] newVar = Enumerable.Range(0, channels).Select(c => (1 - momentum) * runningVar[c] + momentum * variance[c] * count / (count - 1)).ToArray();
        AssertClose(newMean, Values(model.state_dict()["bn.running_mean"]), $"BatchNorm ({kind}) running mean");
        AssertClose(newVar, Values(model.state_dict()["bn.running_var"]), $"BatchNorm ({kind}) running variance");

        // Eval: the running statistics, not the batch's.
        model.eval();
        double[] evaluated = Run(model, input);
        double[] expectedEval = Map(x, shape, (value, index) =>
            (value - newMean[index[1]]) / Math.Sqrt(newVar[index[1]] + eps) * weight[index[1]] + bias[index[1]]);
        AssertClose(expectedEval, evaluated, $"BatchNorm ({kind}) in eval");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LayerNorm_normalizes_each_sample_over_exactly_its_last_dims(int dims)
    {
        nn.Module model = dims switch
        {
            1 => new LayerNormOneDim(),
            2 => new LayerNormTwoDims(),
            _ => new LayerNormThreeDims(),
        };
        using var disposeModel = model;
        double eps = dims == 2 ? 1e-4 : 1e-5;
        long[] shape = { 2, 3, 4, 6 };
        var state = Randomize(model, seed: 21);
        double[] x = Input(shape, seed: 22, out var input);
        using var disposeInput = input;

        // The leading (rank - dims) coordinates pick the group; the trailing dims index the scale and shift.
        int lead = shape.Length - dims;
        long[] normalized = shape[lead..];
        if (dims < 3)
        {
            Assert.Equal(normalized, model.state_dict()["ln.weight"].shape);
        }
        else
        {
            Assert.Empty(model.state_dict());
        }

        long GroupOf(long[] index) => Flat(index[..lead], shape[..lead]);
        long ElementOf(long[] index) => Flat(index[lead..], normalized);
        var (mean, variance, _) = Statistics(x, shape, GroupOf, (int)shape[..lead].Aggregate(1L, (a, b) => a * b));
        double[] expected = Map(x, shape, (value, index) =>
        {
            double y = (value - mean[GroupOf(index)]) / Math.Sqrt(variance[GroupOf(index)] + eps);
            return dims < 3 ? y * state["ln.weight"][ElementOf(index)] + state["ln.bias"][ElementOf(index)] : y;
        });

        model.train();
        AssertClose(expected, Run(model, input), $"LayerNorm over the last {dims} dims");
    }

    [Fact]
    public void GroupNorm_normalizes_each_group_of_channels_per_sample_then_scales_per_channel()
    {
        using var model = new GroupNormImage();
        long[] shape = { 2, 6, 4, 5 };
        var state = Randomize(model, seed: 31);
        double[] x = Input(shape, seed: 32, out var input);
        using var disposeInput = input;
        const int groups = 3, perGroup = 2;

        long GroupOf(long[] index) => index[0] * groups + index[1] / perGroup;
        var (mean, variance, _) = Statistics(x, shape, GroupOf, (int)shape[0] * groups);
        double[] expected = Map(x, shape, (value, index) =>
            (value - mean[GroupOf(index)]) / Math.Sqrt(variance[GroupOf(index)] + 1e-5) * state["gn.weight"][index[1]] + state["gn.bias"][index[1]]);

        AssertClose(expected, Run(model, input), "GroupNorm(3) over 6 channels");
    }

    [Fact]
    public void InstanceNorm_normalizes_each_channel_of_each_sample_over_its_positions_in_training_and_eval()
    {
        using var model = new InstanceNormImage();
        long[] shape = { 2, 3, 4, 5 };
        var state = Randomize(model, seed: 41);
        Assert.DoesNotContain(state.Keys, k => k.StartsWith("plain_norm.", StringComparison.Ordinal));
        double[] x = Input(shape, seed: 42, out var input);
        using var disposeInput = input;

        long GroupOf(long[] index) => index[0] * shape[1] + index[1];
        var (mean, variance, _) = Statistics(x, shape, GroupOf, (int)(shape[0] * shape[1]));
        double[] plain = Map(x, shape, (value, index) => (value - mean[GroupOf(index)]) / Math.Sqrt(variance[GroupOf(index)] + 1e-5));
        double[] affine = Map(x, shape, (value, index) =>
            (value - mean[GroupOf(index)]) / Math.Sqrt(variance[GroupOf(index)] + 1e-3) * state["affine_norm.weight"][index[1]] + state["affine_norm.bias"][index[1]]);

        foreach (bool training in new[] { true, false })
        {
            model.train(training);
            using var outputs = model.Forward(input);
            AssertClose(plain, Values(outputs.Plain), $"InstanceNorm2d (training: {training})");
            AssertClose(affine, Values(outputs.Affine), $"InstanceNorm2d with affine (training: {training})");
        }
    }

    /// <summary>Fills every floating-point parameter and buffer with random values (variances positive); returns them as doubles by name.</summary>
    private static Dictionary<string, double[]> Randomize(nn.Module model, int seed)
    {
        manual_seed(seed);
        var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        using (no_grad())
        {
            foreach (var (name, tensor) in model.state_dict())
            {
                if (!tensor.is_floating_point())
                {
                    continue;
                }

                using var random = name.EndsWith("running_var", StringComparison.Ordinal)
                    ? rand(tensor.shape) + 0.5
                    : randn(tensor.shape);
                tensor.copy_(random);
                values[name] = Values(tensor);
            }
        }

        return values;
    }

    private static double[] Input(long[] shape, int seed, out Tensor input)
    {
        manual_seed(seed);
        input = randn(shape) * 3 + 1;
        return Values(input);
    }

    private static double[] Run(nn.Module model, Tensor input)
    {
        var forward = model.GetType().GetMethod("Forward", new[] { typeof(Tensor) })!;
        using var outputs = (IDisposable)forward.Invoke(model, new object[] { input })!;
        var y = (Tensor)outputs.GetType().GetProperty("Y")!.GetValue(outputs)!;
        return Values(y);
    }

    private static double[] Values(Tensor tensor)
    {
        using var asDouble = tensor.detach().to(ScalarType.Float64).contiguous();
        return asDouble.data<double>().ToArray();
    }

    /// <summary>The mean and biased variance of the values of each group, and the values per group.</summary>
    private static (double[] Mean, double[] Variance, long Count) Statistics(double[] x, long[] shape, Func<long[], long> group, int groups)
    {
        var sum = new double[groups];
        var count = new long[groups];
        ForEach(shape, (flat, index) =>
        {
            sum[group(index)] += x[flat];
            count[group(index)]++;
        });
        double[] mean = sum.Select((s, g) => s / count[g]).ToArray();
        var squares = new double[groups];
        ForEach(shape, (flat, index) =>
        {
            double d = x[flat] - mean[group(index)];
            squares[group(index)] += d * d;
        });
        Assert.All(count, c => Assert.Equal(count[0], c));
        return (mean, squares.Select((s, g) => s / count[g]).ToArray(), count[0]);
    }

    private static double[] Map(double[] x, long[] shape, Func<double, long[], double> f)
    {
        var result = new double[x.Length];
        ForEach(shape, (flat, index) => result[flat] = f(x[flat], index));
        return result;
    }

    /// <summary>Calls <paramref name="action"/> with every flat (row-major) index and its coordinates.</summary>
    private static void ForEach(long[] shape, Action<long, long[]> action)
    {
        long total = shape.Aggregate(1L, (a, b) => a * b);
        var index = new long[shape.Length];
        for (long flat = 0; flat < total; flat++)
        {
            long rest = flat;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }

            action(flat, index);
        }
    }

    private static long Flat(long[] index, long[] shape)
    {
        long flat = 0;
        for (int d = 0; d < shape.Length; d++)
        {
            flat = flat * shape[d] + index[d];
        }

        return flat;
    }

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]) / Math.Max(1, Math.Abs(expected[i]));
            if (!(error <= worst))
            {
                worst = error;
                at = i;
            }
        }

        Assert.True(worst <= Tolerance, $"{what}: value {at} is {(at >= 0 ? actual[at] : double.NaN)}, the hand computation gives {(at >= 0 ? expected[at] : double.NaN)} (error {worst:G3} > {Tolerance})");
    }
}
