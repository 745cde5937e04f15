using System;
using System.Collections.Generic;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Training;
using Examples.Cli;
using Examples.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Examples.Programs;

/// <summary>
/// Seed 004 (second half): a convolutional autoencoder learns to remove Gaussian noise. As in the seed, the noisy
/// images are <c>clip(x + 0.5 * N(0, 1), 0, 1)</c> (seeded here), the target is the clean image, Adam, binary
/// cross entropy, batch 256.
/// </summary>
public sealed class DenoisingExample : IExample
{
    private const double NoiseFactor = 0.5;

    public string Name => "denoising";

    public string Seed => "004";

    public string Description => "convolutional autoencoder removing Gaussian noise (factor 0.5, clipped to 0..1), Adam, binary cross entropy";

    public IReadOnlyList<ModelInfo> Models => new[] { DenoisingAutoencoder.Info };

    // The seed trains 30 epochs on 60,000 digits (7,000 steps); 20 epochs on 8,000 (640 steps) cut the error to
    // less than a third. Fewer steps leave it near the loss of a constant guess.
    public ExampleDefaults Defaults => new(Epochs: 20, BatchSize: 256, Limit: 8000);

    public ExampleResult Run(ExampleOptions options, ExampleContext context)
    {
        using var data = ExampleData.Load(options);
        context.Console.WriteLine(data.Description);

        var noise = new torch.Generator((ulong)options.Seed);
        using Tensor trainNoisy = AddNoise(data.TrainImages, noise);
        using Tensor testNoisy = AddNoise(data.TestImages, noise);

        torch.manual_seed(options.Seed);
        using var model = new DenoisingAutoencoder();
        using var train = DenoisingAutoencoder.Dataset(noisy: trainNoisy, clean: data.TrainImages);
        using var test = DenoisingAutoencoder.Dataset(noisy: testNoisy, clean: data.TestImages);
        context.Fit("train", model, train, test, new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
            Optimizer = OptimizerSpec.Adam(),
        });

        using Tensor denoised = Trainer.Predict(model, test, DenoisingAutoencoder.Columns.Denoised);
        double noisyError = Evaluation.Mse(testNoisy, data.TestImages);
        double denoisedError = Evaluation.Mse(denoised, data.TestImages);

        context.AddFile("denoised.png", Pictures.ImageGrid(new[] { testNoisy, data.TestImages, denoised }));

        return new ExampleResult(
            Name,
            options.Epochs,
            context.TrainSeconds,
            new Dictionary<string, double>
            {
                ["noisy_mse"] = noisyError,
                ["denoised_mse"] = denoisedError,
                ["error_ratio"] = denoisedError / noisyError,
            },
            Array.Empty<string>());
    }

    /// <summary><c>clip(x + 0.5 * N(0, 1), 0, 1)</c>, drawing the noise from <paramref name="generator"/>.</summary>
    private static Tensor AddNoise(Tensor clean, torch.Generator generator)
    {
        using Tensor gaussian = torch.randn(clean.shape, generator: generator);
        using Tensor noisy = clean + NoiseFactor * gaussian;
        return noisy.clamp(0.0, 1.0);
    }
}
