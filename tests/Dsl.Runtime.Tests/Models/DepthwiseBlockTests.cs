using System.Linq;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>A MobileNetV2 inverted residual block: expand 1x1, depthwise 3x3 (groups = channels), project 1x1, plus a dilated 3x3.</summary>
[Model]
public partial class InvertedResidual
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 16, 14, 14);
        var expanded = x.Conv2d(96, 1, bias: false).BatchNorm2d().Relu6();
        var depthwise = expanded.Conv2d(96, 3, padding: Padding.Same, bias: false, groups: 96).BatchNorm2d().Relu6();
        var projected = depthwise.Conv2d(16, 1, bias: false).BatchNorm2d();
        var context = (x + projected).Conv2d(16, 3, padding: Padding.Same, dilation: 2);
        g.Output("y", context);
    }
}

/// <summary>The generated block runs, keeps its shape, and TorchSharp's parameter count equals the DSL's (PyTorch's formula).</summary>
public sealed class DepthwiseBlockTests
{
    [Fact]
    public void The_block_runs_and_counts_its_parameters_as_torch_does()
    {
        using var model = new InvertedResidual();
        torch.manual_seed(5);
        using var x = torch.randn(2, 16, 14, 14);

        using var y = model.Forward(x);

        Assert.Equal(new long[] { 2, 16, 14, 14 }, y.Y.shape);
        long trainable = model.parameters().Sum(p => p.numel());
        Assert.Equal(InvertedResidual.Info.TrainableParameters, trainable);
        // expand 16*96, depthwise 96*9, project 96*16, dilated 16*16*9 + 16, BatchNorm scale and shift 2*(96 + 96 + 16)
        Assert.Equal((16 * 96) + (96 * 9) + (96 * 16) + (16 * 16 * 9) + 16 + (2 * (96 + 96 + 16)), trainable);
    }
}
