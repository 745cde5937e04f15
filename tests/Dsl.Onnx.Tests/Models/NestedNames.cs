using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Hierarchical layer names (torchvision's and Hugging Face's layout): a residual block whose layers are registered in
/// nested modules; the ONNX initializers carry the same dotted state-dict names.
/// </summary>
[Model]
public partial class NestedNames
{
    static Node Block(Node x, string name)
    {
        var y = x.Conv2d(4, 3, padding: 1, bias: false, name: $"{name}.conv1").BatchNorm2d(name: $"{name}.bn1").Relu();
        return (x + y).Relu();
    }

    static void Define(Graph g)
    {
        var x = g.Input("image", 4, 6, 6);
        for (int i = 0; i < 2; i++)
        {
            x = Block(x, $"layer1.{i}");
        }

        g.Output("logits", x.GlobalAvgPool2d().Linear(3, name: "encoder.layer.0.dense"));
    }
}
