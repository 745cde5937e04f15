using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>
/// Seed 000's classifier written by hand the way a TorchSharp user would: layer fields, functional activations,
/// no shape checks. Field names match the generated module's, so <c>load_state_dict</c> copies weights across.
/// With <c>inPlaceActivations</c> each ReLU overwrites its input (<c>relu_</c>): safe here, since no layer keeps the
/// tensor a ReLU overwrites for its backward pass (convolutions and linear layers keep their inputs, ReLU its output).
/// </summary>
public sealed class HandWrittenDigitClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d layer1 = nn.Conv2d(1, 32, 3);
    private readonly Conv2d layer2 = nn.Conv2d(32, 64, 3);
    private readonly Linear layer3 = nn.Linear(9216, 128);
    private readonly Linear layer4 = nn.Linear(128, 10);

    private readonly bool inPlaceActivations;

    public HandWrittenDigitClassifier(bool inPlaceActivations = false)
        : base(nameof(HandWrittenDigitClassifier))
    {
        this.inPlaceActivations = inPlaceActivations;
        RegisterComponents();
    }

    public override Tensor forward(Tensor image)
    {
        var x = Relu(layer1.forward(image));
        x = Relu(layer2.forward(x));
        x = nn.functional.max_pool2d(x, 2, stride: 2);
        x = nn.functional.dropout(x, 0.25, training);
        x = x.flatten(1);
        x = Relu(layer3.forward(x));
        x = nn.functional.dropout(x, 0.5, training);
        return layer4.forward(x);
    }

    private Tensor Relu(Tensor x) => inPlaceActivations ? x.relu_() : nn.functional.relu(x);

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
