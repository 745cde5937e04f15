using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Flatten over inner axes (around a symbolic length), Unflatten with an inferred size, and Normalize with p = 2, 1
/// and 3 along different axes.
/// </summary>
[Model]
public partial class AxisRangeOps
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 3, Dim.Of("T"), 4, 2);
        var flat = x.Flatten(3);                                   // [B, 3, T, 8]
        var split = flat.Unflatten(-1, 2, -1);                      // [B, 3, T, 2, 4]
        g.Output("unit", split.Normalize(dim: -1));
        g.Output("l1", flat.Normalize(1, 1));
        g.Output("p3", x.Flatten(1, 2).Normalize(3, -3, 1e-6));      // [B, 3*T, 4, 2]
        g.Output("inner", x.Flatten(2, 3).Flatten(-2));             // [B, 3, 8*T]
    }
}
