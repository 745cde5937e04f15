using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Benchmarks;

/// <summary>
/// A seed net of the step benchmark: its batch size and its arithmetic per training step. The multiply-accumulates
/// (MACs) are counted per layer from the shapes (a convolution: output height x width x out channels x in
/// channels x kernel area; a dense layer: in x out); pooling, activations, dropout, upsampling and the losses are
/// left out (they are memory-bound and a few percent of the work). A training step is forward (1x) + the weight
/// gradients (1x) + the input gradients (1x), except that the first layer needs no input gradient: 3 x MACs -
/// first layer's MACs, at 2 FLOPs per MAC.
/// </summary>
/// <param name="FirstLayerSkipsInputGradient">False where the first layer's input needs a gradient anyway (a normalisation with weights before it).</param>
public sealed record SeedNet(string Name, string Description, int BatchSize, IReadOnlyList<(string Layer, long Macs)> Layers, bool FirstLayerSkipsInputGradient = true)
{
    /// <summary>Seed 000's classifier (the joint-embedding teacher), Adam, batch 128.</summary>
    public static SeedNet Classifier { get; } = new(
        "classifier",
        "seed 000 `DigitClassifier`, batch 128, cross-entropy, Adam",
        128,
        new[]
        {
            ("layer1 conv 1->32 3x3, 26x26", 26L * 26 * 32 * 1 * 9),
            ("layer2 conv 32->64 3x3, 24x24", 24L * 24 * 64 * 32 * 9),
            ("layer3 dense 9216->128", 9216L * 128),
            ("layer4 dense 128->10", 128L * 10),
        });

    /// <summary>Seed 001's multitask net, SGD with Nesterov momentum, batch 32 (Keras' default, as the example).</summary>
    public static SeedNet Multitask { get; } = new(
        "multitask",
        "seed 001 `MultitaskNet`, batch 32, 0.9 x cross-entropy + 0.1 x reconstruction MSE, SGD Nesterov",
        32,
        new[]
        {
            ("conv 1->64 3x3, 28x28", 28L * 28 * 64 * 1 * 9),
            ("2 x conv 64->64 3x3, 28x28", 2 * 28L * 28 * 64 * 64 * 9),
            ("3 x conv 64->64 3x3, 14x14", 3 * 14L * 14 * 64 * 64 * 9),
            ("dense 3136->1024", 3136L * 1024),
            ("dense 1024->10", 1024L * 10),
            ("decoder conv 64->64 3x3, 14x14", 14L * 14 * 64 * 64 * 9),
            ("decoder conv 64->1 3x3, 28x28", 28L * 28 * 1 * 64 * 9),
        });

    public static IReadOnlyList<SeedNet> All { get; } = new[] { Classifier, Multitask };

    /// <summary>ResNet-18 on 32x32 images (<see cref="Nets.CifarResNet18"/>), batch 32, cross-entropy, SGD with momentum.</summary>
    public static SeedNet ResNet18 { get; } = new(
        "resnet18",
        "ResNet-18 for 32x32 images (`CifarResNet18`), batch 32, cross-entropy, SGD momentum 0.9",
        32,
        new[]
        {
            ("conv1 3->64 3x3, 32x32", 32L * 32 * 64 * 3 * 9),
            ("layer1 4 x conv 64->64 3x3, 32x32", 4 * 32L * 32 * 64 * 64 * 9),
            ("layer2 conv 64->128 3x3 + 3 x conv 128->128 3x3 + 1x1 shortcut, 16x16", (16L * 16 * 128 * 64 * 9) + (3 * 16L * 16 * 128 * 128 * 9) + (16L * 16 * 128 * 64)),
            ("layer3 conv 128->256 3x3 + 3 x conv 256->256 3x3 + 1x1 shortcut, 8x8", (8L * 8 * 256 * 128 * 9) + (3 * 8L * 8 * 256 * 256 * 9) + (8L * 8 * 256 * 128)),
            ("layer4 conv 256->512 3x3 + 3 x conv 512->512 3x3 + 1x1 shortcut, 4x4", (4L * 4 * 512 * 256 * 9) + (3 * 4L * 4 * 512 * 512 * 9) + (4L * 4 * 512 * 256)),
            ("fc 512->10", 512L * 10),
        });

    /// <summary>The transformer encoder block (<see cref="Nets.EncoderBlockNet"/>) on 128 tokens, batch 32, MSE, AdamW.</summary>
    public static SeedNet Encoder { get; } = new(
        "encoder",
        "pre-norm transformer encoder block (`EncoderBlockNet`, width 256, 8 heads, MLP 1024; T symbolic, 128 here), batch 32, MSE, AdamW",
        32,
        new[]
        {
            ("attention in-projection 256->768 per token", EncoderTokens * 256L * 768),
            ("attention scores and weighted values", 2 * EncoderTokens * (long)EncoderTokens * 256),
            ("attention out-projection 256->256 per token", EncoderTokens * 256L * 256),
            ("MLP 256->1024->256 per token", 2 * EncoderTokens * 256L * 1024),
        },
        FirstLayerSkipsInputGradient: false);

    /// <summary>The sequence length the encoder block is measured at.</summary>
    public const int EncoderTokens = 128;

    /// <summary>The nets of the precision benchmark (section 7): the seed nets and two larger ones.</summary>
    public static IReadOnlyList<SeedNet> Precision { get; } = new[] { Classifier, Multitask, ResNet18, Encoder };

    /// <summary>Forward multiply-accumulates per sample.</summary>
    public long ForwardMacsPerSample => Layers.Sum(l => l.Macs);

    /// <summary>FLOPs of one training step on one batch.</summary>
    public double TrainingFlopsPerStep => 2.0 * (3.0 * ForwardMacsPerSample - (FirstLayerSkipsInputGradient ? Layers[0].Macs : 0)) * BatchSize;

    public static SeedNet Named(string name) =>
        Precision.FirstOrDefault(n => n.Name == name) ?? throw new ArgumentException($"no net '{name}' (expected {string.Join(", ", Precision.Select(n => n.Name))})", nameof(name));
}
