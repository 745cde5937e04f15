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
public sealed record SeedNet(string Name, string Description, int BatchSize, IReadOnlyList<(string Layer, long Macs)> Layers)
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

    /// <summary>Forward multiply-accumulates per sample.</summary>
    public long ForwardMacsPerSample => Layers.Sum(l => l.Macs);

    /// <summary>FLOPs of one training step on one batch.</summary>
    public double TrainingFlopsPerStep => 2.0 * (3.0 * ForwardMacsPerSample - Layers[0].Macs) * BatchSize;

    public static SeedNet Named(string name) =>
        All.FirstOrDefault(n => n.Name == name) ?? throw new ArgumentException($"no seed net '{name}' (expected {string.Join(" or ", All.Select(n => n.Name))})", nameof(name));
}
