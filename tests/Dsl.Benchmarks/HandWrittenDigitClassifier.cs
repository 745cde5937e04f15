using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>
/// Seed 000's classifier written by hand the way a TorchSharp user would: layer fields, functional activations,
/// no shape checks. Field names match the generated module's, so <c>load_state_dict</c> copies weights across.
/// </summary>
public sealed class HandWrittenDigitClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d layer1 = nn.Conv2d(1, 32, 3);
    private readonly Conv2d layer2 = nn.Conv2d(32, 64, 3);
    private readonly Linear layer3 = nn.Linear(9216, 128);
    private readonly Linear layer4 = nn.Linear(128, 10);

    public HandWrittenDigitClassifier()
        : base(nameof(HandWrittenDigitClassifier))
    {
        RegisterComponents();
    }

    public override Tensor forward(Tensor image)
    {
        var x = nn.functional.relu(layer1.forward(image));
        x = nn.functional.relu(layer2.forward(x));
        x = nn.functional.max_pool2d(x, 2, stride: 2);
        x = nn.functional.dropout(x, 0.25, training);
        x = x.flatten(1);
        x = nn.functional.relu(layer3.forward(x));
        x = nn.functional.dropout(x, 0.5, training);
        return layer4.forward(x);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layer1.Dispose();
            layer2.Dispose();
            layer3.Dispose();
            layer4.Dispose();
        }

        base.Dispose(disposing);
    }
}
