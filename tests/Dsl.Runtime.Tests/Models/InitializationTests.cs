using System;
using System.Linq;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Keras' initialization declared once, one layer He-initialized, one left to PyTorch.</summary>
[Model]
public partial class DeclaredInitialization
{
    static void Define(Graph g)
    {
        g.DefaultInit(Init.GlorotUniform);
        var image = g.Input("image", 3, 16, 16);
        var features = image.Conv2d(64, 3, name: "glorot_conv").Relu().Conv2d(64, 3, name: "he_conv", init: Init.HeNormal).Relu();
        var head = features.GlobalAvgPool2d().Linear(200, name: "glorot_dense").Relu().Linear(100, name: "torch_dense", init: Init.PyTorch);
        g.Output("y", head);
    }
}

/// <summary>Keras' default over sequence layers: an embedding with a padding row, an LSTM and attention.</summary>
[Model]
public partial class DeclaredSequenceInitialization
{
    static void Define(Graph g)
    {
        g.DefaultInit(Init.GlorotUniform);
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var states = tokens.Embedding(50, 16, paddingIdx: 0, name: "embedding").Lstm(16, name: "lstm");
        g.Output("y", states.MultiheadAttention(4, name: "attention"));
    }
}

/// <summary>
/// The declared initializations give the distributions they name, reproducibly from torch's seed. Reproducibility is
/// about torch's global generator, which test classes running in parallel draw from between a seed and a model built
/// after it: the class runs in the collection that runs alone.
/// </summary>
[Collection(Dsl.Runtime.Tests.Training.TrainingCollection.Name)]
public sealed class InitializationTests
{
    private static torch.Tensor Parameter(torch.nn.Module model, string name) => model.named_parameters().Single(p => p.name == name).parameter;

    [Fact]
    public void Each_layer_starts_from_its_declared_distribution()
    {
        torch.manual_seed(21);
        using var model = new DeclaredInitialization();

        // Glorot uniform: bound sqrt(6 / (fan_in + fan_out)); conv fans are channels x 3 x 3.
        double convBound = Math.Sqrt(6.0 / ((3 * 9) + (64 * 9)));
        var glorotConv = Parameter(model, "glorot_conv.weight");
        Assert.True(glorotConv.abs().max().item<float>() <= convBound + 1e-6);
        Assert.InRange(glorotConv.std().item<float>(), 0.9 * convBound / Math.Sqrt(3), 1.1 * convBound / Math.Sqrt(3));
        Assert.Equal(0f, Parameter(model, "glorot_conv.bias").abs().sum().item<float>());
        Assert.Equal(0f, Parameter(model, "glorot_dense.bias").abs().sum().item<float>());

        // He normal: std sqrt(2 / fan_in) with fan_in = 64 x 3 x 3.
        double heStd = Math.Sqrt(2.0 / (64 * 9));
        Assert.InRange(Parameter(model, "he_conv.weight").std().item<float>(), 0.95 * heStd, 1.05 * heStd);
        Assert.Equal(0f, Parameter(model, "he_conv.bias").abs().sum().item<float>());

        // PyTorch's own: uniform bound 1 / sqrt(fan_in) for the weight (Kaiming a = sqrt 5) and the bias (nonzero).
        double torchBound = 1.0 / Math.Sqrt(200);
        Assert.True(Parameter(model, "torch_dense.weight").abs().max().item<float>() <= torchBound + 1e-6);
        Assert.True(Parameter(model, "torch_dense.bias").abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Sequence_layers_get_glorot_kernels_and_zero_biases_and_the_padding_row_stays_zero()
    {
        torch.manual_seed(23);
        using var model = new DeclaredSequenceInitialization();
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);

        Assert.Equal(0f, parameters["embedding.weight"][0].abs().sum().item<float>());
        Assert.True(parameters["embedding.weight"].std().item<float>() > 0.5, "the table keeps PyTorch's N(0, 1) rows");
        foreach (var bias in new[] { "lstm.bias_ih_l0", "lstm.bias_hh_l0", "attention.in_proj_bias", "attention.out_proj.bias" })
        {
            Assert.Equal(0f, parameters[bias].abs().sum().item<float>());
        }

        // Glorot over the output projection [16, 16]: bound sqrt(6 / 32).
        Assert.True(parameters["attention.out_proj.weight"].abs().max().item<float>() <= Math.Sqrt(6.0 / 32) + 1e-6);
        Assert.True(parameters["lstm.weight_ih_l0"].abs().max().item<float>() <= Math.Sqrt(6.0 / (64 + 16)) + 1e-6);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights()
    {
        torch.manual_seed(22);
        using var first = new DeclaredInitialization();
        torch.manual_seed(22);
        using var second = new DeclaredInitialization();

        foreach (var ((name, a), (_, b)) in first.named_parameters().Zip(second.named_parameters()))
        {
            Assert.True(a.equal(b).all().item<bool>(), name);
        }
    }
}
