using Dsl;

namespace Dsl.Benchmarks.Nets;

/// <summary>
/// A pre-norm transformer encoder block on sequences of any length T (width 256, 8 heads, a 1024-wide GELU MLP, each
/// sublayer in a residual), trained to regress a target sequence of its own shape; 789,760 parameters.
/// </summary>
[Model]
public partial class EncoderBlockNet
{
    static void Define(Graph g)
    {
        var x = g.Input("tokens", Dim.Of("T"), 256);
        var h = x + x.LayerNorm(name: "norm1").MultiheadAttention(8, name: "attn");
        var y = h + h.LayerNorm(name: "norm2").Linear(1024, name: "fc1").Gelu().Linear(256, name: "fc2");
        g.Output("y", y);
        g.Loss("target", y, Loss.Mse());
    }
}
