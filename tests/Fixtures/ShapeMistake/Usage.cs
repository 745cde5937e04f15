using ShapeMistake.Models;
using TorchSharp;

namespace ShapeMistake;

/// <summary>
/// Code that uses the broken model. While Classifier has its DSL error, the generator still emits its members
/// (bodies that throw), so this file compiles and the build shows only the DSL error, not a cascade of CS1061.
/// </summary>
public static class Usage
{
    public static long[] LogitsShape(torch.Tensor image)
    {
        using var model = new Classifier();
        using var outputs = model.Forward(image);
        return outputs.Logits.shape;
    }

    public static long Parameters() => Classifier.Info.TotalParameters;
}
