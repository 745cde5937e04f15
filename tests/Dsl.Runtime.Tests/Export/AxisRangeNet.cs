using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>Flatten over inner axes around a symbolic length, Unflatten with an inferred size, Normalize with p = 2, 1 and 3, under a trained head.</summary>
[Model]
[PyTorchParity]
public partial class AxisRangeNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 3, Dim.Of("T"), 4, 2);
        var flat = x.Flatten(3);                                   // [B, 3, T, 8]
        var split = flat.Linear(8, name: "mix").Unflatten(-1, 2, -1);  // [B, 3, T, 2, 4]
        g.Output("unit", split.Normalize(dim: -1));
        g.Output("l1", flat.Normalize(1, 1));
        g.Output("p3", x.Flatten(1, 2).Normalize(3, -3, 1e-6));
        var pooled = x.Flatten(2, 3).Flatten(-2).Mean(2);          // [B, 3]
        var score = pooled.Linear(1, name: "head");
        g.Output("score", score);
        g.Loss("target", score, Loss.Mse());
    }
}
