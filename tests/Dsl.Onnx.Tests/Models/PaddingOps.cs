using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Constant paddings (ZeroPad1d, ConstantPad1d with a value, ConstantPad2d in PyTorch's (left, right, top, bottom)) and
/// dilated causal Conv1d over a symbolic length, for ONNX Runtime parity.
/// </summary>
[Model]
public partial class PaddingOps
{
    static void Define(Graph g)
    {
        var signal = g.Input("signal", 2, Dim.Of("L"));
        var image = g.Input("image", 3, 4, 5);
        g.Output("zero", signal.ZeroPad1d((2, 1)));                                                          // [B, 2, L + 3]
        g.Output("constant", signal.ConstantPad1d(2, 1.5));                                                  // [B, 2, L + 4]
        g.Output("padded", image.ConstantPad2d((1, 0, 2, 3), -0.25));                                        // [B, 3, 9, 6]
        g.Output("causal", signal.Conv1d(4, 3, padding: Padding.Causal, dilation: 2).Conv1d(2, 2, padding: Padding.Causal));   // [B, 2, L]
    }
}
