using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// A fully convolutional net on symbolic H and W that downsamples twice (a strided convolution, a pooling) and
/// upsamples back: its sizes are floor divisions of H and W, known to the generator as expressions.
/// </summary>
[Model]
[PyTorchParity]
public partial class SymbolicDownsampler
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 3, Dim.Of("H"), Dim.Of("W"));
        var down = image.Conv2d(16, 3, stride: 2, padding: 1).Relu();     // [B, 16, (H - 1) / 2 + 1, ...]
        var deeper = down.MaxPool2d(2).Conv2d(32, 3, padding: Padding.Same).Relu();
        var up = deeper.UpSample2d(2).Conv2d(16, 3, padding: Padding.Same).Relu();
        var back = up.UpSample2d(2).Conv2d(1, 1);
        g.Output("mask", back);
        g.Minimize("energy", back.Abs());
    }
}

/// <summary>The shapes the generator computed are the ones the module produces, for several input sizes.</summary>
public sealed class SymbolicDownsamplingTests
{
    [Theory]
    [InlineData(32, 32)]
    [InlineData(29, 40)]
    [InlineData(9, 14)]
    public void Output_size_follows_the_floor_divisions_for_any_input_size(int height, int width)
    {
        using var model = new SymbolicDownsampler();
        torch.manual_seed(5);
        using var image = torch.randn(2, 3, height, width);

        using var y = model.Forward(image);

        // Conv k3 s2 p1: (H - 1) / 2 + 1, pool 2: floor of half, two upsamplings by 2.
        long Back(int size) => 4 * (((size - 1) / 2 + 1) / 2);
        Assert.Equal(new long[] { 2, 1, Back(height), Back(width) }, y.Mask.shape);
    }

    [Fact]
    public void Generated_metadata_states_the_symbolic_sizes()
    {
        var layers = SymbolicDownsampler.Info.Layers;

        Assert.Contains(layers, l => l.OutputShape == "[B, 16, (H + 1) / 2, (W + 1) / 2]");
        Assert.Contains(layers, l => l.OutputShape == "[B, 1, 4*((H + 1) / 4), 4*((W + 1) / 4)]");
    }

    [Fact]
    public void One_training_step_runs_on_an_odd_size()
    {
        using var model = new SymbolicDownsampler();
        torch.manual_seed(6);
        using var optimizer = torch.optim.Adam(model.parameters(), 1e-3);
        using var image = torch.randn(2, 3, 23, 17);

        optimizer.zero_grad();
        using var outputs = model.Forward(image);
        using var loss = model.ComputeLoss(outputs, new SymbolicDownsampler.Targets());
        loss.Total.backward();
        optimizer.step();

        Assert.True(float.IsFinite(loss.Total.item<float>()));
    }
}
