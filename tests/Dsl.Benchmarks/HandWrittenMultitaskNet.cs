using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>
/// Seed 001's multitask net written by hand the way a TorchSharp user would: six 3x3 "same" convolutions with
/// dropout and two poolings, a dense classifier head and an upsampling decoder head. Field names match the
/// generated <c>MultitaskNet</c>'s, so <c>load_state_dict</c> copies weights across.
/// </summary>
public sealed class HandWrittenMultitaskNet : nn.Module<Tensor, (Tensor Classification, Tensor Autoencoder)>
{
    private readonly Conv2d conv2d_1 = nn.Conv2d(1, 64, 3, padding: 1);
    private readonly Conv2d conv2d_2 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly Conv2d conv2d_3 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly Conv2d conv2d_4 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly Conv2d conv2d_5 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly Conv2d conv2d_6 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly Linear linear_1 = nn.Linear(3136, 1024);
    private readonly Linear classification = nn.Linear(1024, 10);
    private readonly Conv2d conv2d_7 = nn.Conv2d(64, 64, 3, padding: 1);
    private readonly Conv2d autoencoder = nn.Conv2d(64, 1, 3, padding: 1);

    public HandWrittenMultitaskNet()
        : base(nameof(HandWrittenMultitaskNet))
    {
        RegisterComponents();
    }

    public override (Tensor Classification, Tensor Autoencoder) forward(Tensor image)
    {
        var x = nn.functional.dropout(nn.functional.relu(conv2d_1.forward(image)), 0.1, training);
        x = nn.functional.dropout(nn.functional.relu(conv2d_2.forward(x)), 0.1, training);
        x = nn.functional.dropout(nn.functional.relu(conv2d_3.forward(x)), 0.1, training);
        x = nn.functional.max_pool2d(x, 2, stride: 2);
        x = nn.functional.dropout(nn.functional.relu(conv2d_4.forward(x)), 0.1, training);
        x = nn.functional.dropout(nn.functional.relu(conv2d_5.forward(x)), 0.1, training);
        x = nn.functional.relu(conv2d_6.forward(x));
        var encoded = nn.functional.max_pool2d(x, 2, stride: 2);

        var logits = classification.forward(nn.functional.relu(linear_1.forward(encoded.flatten(1))));

        var y = nn.functional.interpolate(encoded, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
        y = nn.functional.relu(conv2d_7.forward(y));
        y = nn.functional.interpolate(y, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
        var reconstruction = nn.functional.sigmoid(autoencoder.forward(y));
        return (logits, reconstruction);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var module in new nn.Module[] { conv2d_1, conv2d_2, conv2d_3, conv2d_4, conv2d_5, conv2d_6, linear_1, classification, conv2d_7, autoencoder })
            {
                module.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
