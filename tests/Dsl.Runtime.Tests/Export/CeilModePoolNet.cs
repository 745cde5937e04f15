using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// PyTorch's ceil_mode pooling: a last partial window with Valid padding (max and average, 2-D and 1-D), one dropped
/// because it would start in the right padding (an explicit padding of 1), and a symbolic length.
/// </summary>
[Model]
[PyTorchParity]
public partial class CeilModePoolNet
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 2, 6, 5);
        var signal = g.Input("signal", 2, Dim.Of("L"));
        g.Output("max", image.MaxPool2d(3, stride: 2, ceilMode: true));                     // [B, 2, 3, 2]
        g.Output("avg", image.AvgPool2d(2, padding: 1, ceilMode: true));                   // [B, 2, 4, 3]
        g.Output("avg_1d", image.Flatten(2).AvgPool1d(4, ceilMode: true));                 // [B, 2, 8]
        g.Output("max_1d", signal.MaxPool1d(3, stride: 2, ceilMode: true));                // [B, 2, L / 2]
    }
}
