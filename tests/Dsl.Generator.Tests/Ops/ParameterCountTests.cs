using System;
using System.Linq;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// The parameter count of every op with parameters, for every option that changes it (bias, groups, kernel per axis,
/// transposed, layers, directions, cell, affine, normalized dims), against PyTorch's own formula written out here
/// from the shapes of the module's tensors (<c>nn.LSTM</c>'s <c>weight_ih_l{k}{_reverse}</c> is [G h, in_k], ...).
/// The counts feed <c>ModelInfo</c>, the summary and the parameter budget; a wrong one (a bidirectional stack counting
/// its upper layers' input as h instead of 2 h) fails here, in the generator's tests, not only in the runtime's
/// PyTorch parity list.
/// </summary>
public class ParameterCountTests
{
    /// <summary>PyTorch's nn.LSTM / nn.GRU / nn.RNN: per layer k and direction, W_ih [G h, in_k], W_hh [G h, h], b_ih and b_hh [G h]; in_0 = F, in_k = h * D.</summary>
    private static long Recurrent(int gates, long features, long h, int layers, bool bidirectional)
    {
        int directions = bidirectional ? 2 : 1;
        long total = 0;
        for (int k = 0; k < layers; k++)
        {
            long input = k == 0 ? features : h * directions;
            total += directions * ((gates * h * input) + (gates * h * h) + (2 * gates * h));
        }

        return total;
    }

    /// <summary>PyTorch's nn.ConvNd: weight [out, in / groups, k...], bias [out].</summary>
    private static long Conv(long input, long output, long[] kernel, long groups, bool bias) =>
        (output * (input / groups) * kernel.Aggregate(1L, (a, b) => a * b)) + (bias ? output : 0);

    /// <summary>PyTorch's nn.ConvTransposeNd: weight [in, out / groups, k...], bias [out].</summary>
    private static long ConvTranspose(long input, long output, long[] kernel, long groups, bool bias) =>
        (input * (output / groups) * kernel.Aggregate(1L, (a, b) => a * b)) + (bias ? output : 0);

    public static TheoryData<string, string, long, long> Cases()
    {
        var data = new TheoryData<string, string, long, long>
        {
            // nn.Linear: weight [out, in], bias [out].
            { "g.Input(\"x\", 20)", "Linear(7)", (7 * 20) + 7, 0 },
            { "g.Input(\"x\", 20)", "Linear(7, bias: false)", 7 * 20, 0 },
            { "g.Input(\"x\", 5, 20)", "Linear(7)", (7 * 20) + 7, 0 },

            // nn.Conv1d / 2d / 3d with bias, without, grouped, a kernel per axis, dilated (dilation adds nothing).
            { "g.Input(\"x\", 6, 16)", "Conv1d(4, 3)", Conv(6, 4, new long[] { 3 }, 1, true), 0 },
            { "g.Input(\"x\", 6, 16)", "Conv1d(4, 3, bias: false, groups: 2)", Conv(6, 4, new long[] { 3 }, 2, false), 0 },
            { "g.Input(\"x\", 6, 16, 16)", "Conv2d(9, 3)", Conv(6, 9, new long[] { 3, 3 }, 1, true), 0 },
            { "g.Input(\"x\", 6, 16, 16)", "Conv2d(9, (3, 5), stride: (1, 2))", Conv(6, 9, new long[] { 3, 5 }, 1, true), 0 },
            { "g.Input(\"x\", 6, 16, 16)", "Conv2d(12, 3, groups: 3, dilation: 2)", Conv(6, 12, new long[] { 3, 3 }, 3, true), 0 },
            { "g.Input(\"x\", 6, 16, 16)", "Conv2d(6, 3, groups: 6, bias: false)", Conv(6, 6, new long[] { 3, 3 }, 6, false), 0 },
            { "g.Input(\"x\", 4, 8, 8, 8)", "Conv3d(5, 3)", Conv(4, 5, new long[] { 3, 3, 3 }, 1, true), 0 },
            { "g.Input(\"x\", 4, 8, 8, 8)", "Conv3d(6, (1, 3, 3), groups: 2)", Conv(4, 6, new long[] { 1, 3, 3 }, 2, true), 0 },

            // nn.ConvTranspose1d / 2d: the weight is [in, out / groups, k...].
            { "g.Input(\"x\", 6, 16)", "ConvTranspose1d(4, 3)", ConvTranspose(6, 4, new long[] { 3 }, 1, true), 0 },
            { "g.Input(\"x\", 6, 16, 16)", "ConvTranspose2d(9, (2, 3), stride: (2, 2))", ConvTranspose(6, 9, new long[] { 2, 3 }, 1, true), 0 },
            { "g.Input(\"x\", 6, 16, 16)", "ConvTranspose2d(4, 3, groups: 2, bias: false)", ConvTranspose(6, 4, new long[] { 3, 3 }, 2, false), 0 },

            // nn.Embedding: weight [num, dim].
            { "g.Input(\"x\", DType.Int64, 5)", "Embedding(100, 8)", 100 * 8, 0 },
            { "g.Input(\"x\", DType.Int64, 5)", "Embedding(100, 8, paddingIdx: 0)", 100 * 8, 0 },

            // nn.MultiheadAttention(E, heads): in_proj_weight [3E, E], in_proj_bias [3E], out_proj [E, E] + [E]; heads change nothing.
            { "g.Input(\"x\", 5, 12)", "MultiheadAttention(3)", (3 * 12 * 12) + (3 * 12) + (12 * 12) + 12, 0 },
            { "g.Input(\"x\", 5, 12)", "MultiheadAttention(4, causal: true)", (3 * 12 * 12) + (3 * 12) + (12 * 12) + 12, 0 },

            // nn.BatchNormNd(C): weight, bias trainable; running_mean, running_var non-trainable (as Keras counts them).
            { "g.Input(\"x\", 6, 8, 8)", "BatchNorm2d()", 2 * 6, 2 * 6 },
            { "g.Input(\"x\", 6)", "BatchNorm1d()", 2 * 6, 2 * 6 },
            { "g.Input(\"x\", 6, 10)", "BatchNorm1d()", 2 * 6, 2 * 6 },
            { "g.Input(\"x\", 3, 4, 4, 4)", "BatchNorm3d()", 2 * 3, 2 * 3 },

            // nn.GroupNorm(groups, C, affine), nn.InstanceNorm2d(C, affine): weight and bias [C] when affine.
            { "g.Input(\"x\", 6, 8, 8)", "GroupNorm(3)", 2 * 6, 0 },
            { "g.Input(\"x\", 6, 8, 8)", "GroupNorm(2, affine: false)", 0, 0 },
            { "g.Input(\"x\", 6, 8, 8)", "InstanceNorm2d(affine: true)", 2 * 6, 0 },
            { "g.Input(\"x\", 6, 8, 8)", "InstanceNorm2d()", 0, 0 },

            // nn.LayerNorm(normalized_shape): weight and bias of the normalized shape (the last `dims` sizes).
            { "g.Input(\"x\", 5, 12)", "LayerNorm()", 2 * 12, 0 },
            { "g.Input(\"x\", 6, 8, 4)", "LayerNorm(2)", 2 * 8 * 4, 0 },
            { "g.Input(\"x\", 6, 8, 4)", "LayerNorm(3)", 2 * 6 * 8 * 4, 0 },
            { "g.Input(\"x\", 6, 8, 4)", "LayerNorm(2, affine: false)", 0, 0 },

            // Ops without parameters count none.
            { "g.Input(\"x\", 6, 8, 8)", "MaxPool2d(2)", 0, 0 },
            { "g.Input(\"x\", 6, 8, 8)", "Dropout2d(0.5)", 0, 0 },
        };

        // nn.LSTM / nn.GRU / nn.RNN for every cell, depth and direction.
        foreach (var (cell, gates) in new[] { ("Lstm", 4), ("Gru", 3), ("Rnn", 1) })
        {
            foreach (int layers in new[] { 1, 2, 3 })
            {
                foreach (bool bidirectional in new[] { false, true })
                {
                    string call = $"{cell}(7, numLayers: {layers}, bidirectional: {(bidirectional ? "true" : "false")})";
                    data.Add("g.Input(\"x\", 5, 11)", call, Recurrent(gates, 11, 7, layers, bidirectional), 0);
                }
            }
        }

        data.Add("g.Input(\"x\", Dim.Of(\"T\"), 11)", "Rnn(7, numLayers: 2, nonlinearity: \"relu\", bidirectional: true)", Recurrent(1, 11, 7, 2, true), 0);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_op_counts_its_parameters_as_PyTorch_does(string input, string call, long trainable, long nonTrainable)
    {
        var run = GeneratorHarness.Run($$"""
            using Dsl;
            [Model]
            public partial class Counted
            {
                static void Define(Graph g) => g.Output("y", {{input}}.{{call}});
            }
            """);
        Assert.Empty(run.Input.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var spec = Assert.Single(run.Specs);
        var model = ShapeInference.Analyze(spec);
        Assert.True(model.Diagnostics.Count == 0 && model.CanEmit, run.DslDiagnostics);

        var layer = model.Nodes[spec.Outputs[0].Node];
        Assert.Equal(trainable, layer.TrainableParameters);
        Assert.Equal(nonTrainable, layer.NonTrainableParameters);
    }

    /// <summary>The closed form the rule uses for deep stacks agrees with the per-layer sum up to the limit.</summary>
    [Fact]
    public void A_deep_bidirectional_stack_counts_every_layer_with_the_input_its_layer_below_gives()
    {
        var run = GeneratorHarness.Run($$"""
            using Dsl;
            [Model]
            public partial class Deep
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 5, 3).Lstm(6, numLayers: {{SizeLimits.MaxStackedLayers}}, bidirectional: true));
            }
            """);
        var spec = Assert.Single(run.Specs);
        var model = ShapeInference.Analyze(spec);

        Assert.Equal(Recurrent(4, 3, 6, SizeLimits.MaxStackedLayers, true), model.Nodes[spec.Outputs[0].Node].TrainableParameters);
    }
}
