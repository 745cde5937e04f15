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
/// Seed 001: one convolutional encoder, two heads: a digit classifier and an autoencoder that rebuilds the input.
/// The loss weights 0.9 / 0.1 are declared in <see cref="MultitaskNet"/>; SGD lr 0.01, momentum 0.9, Nesterov.
/// </summary>
public sealed class MultitaskExample : IExample
{
    public string Name => "multitask";

    public string Seed => "001";

    public string Description => "shared conv encoder with a classifier and an autoencoder head, loss weights 0.9 / 0.1, SGD Nesterov";

    public IReadOnlyList<ModelInfo> Models => new[] { MultitaskNet.Info };

    // The seed trains 20 epochs on 60,000 digits (99.33% test accuracy) with Keras' default batch size, 32. This
    // network is by far the heaviest of the seeds on a CPU: with the fast oneDNN kernels and passive OpenMP waiting,
    // four epochs on the 8,000 embedded training digits reach 98.1% in under 5 minutes on 2 shared cores.
    public ExampleDefaults Defaults => new(Epochs: 4, BatchSize: 32, Limit: 8000);

    public ExampleResult Run(ExampleOptions options, ExampleContext context)
    {
        using var data = ExampleData.Load(options);
        context.Console.WriteLine(data.Description);

        torch.manual_seed(options.Seed);
        using var model = new MultitaskNet();
        using var train = MultitaskNet.Dataset(image: data.TrainImages, label: data.TrainLabels);
        using var test = MultitaskNet.Dataset(image: data.TestImages, label: data.TestLabels);
        context.Fit("train", model, train, null, new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
            Optimizer = OptimizerSpec.Sgd(lr: 0.01, momentum: 0.9, nesterov: true),
        });

        EvaluationMetrics metrics = Trainer.Evaluate(model, test);

        using (var firstTen = test.Take(10))
        using (Tensor reconstructions = Trainer.Predict(model, firstTen, MultitaskNet.Columns.Autoencoder))
        {
            context.AddFile("reconstructions.png", Pictures.ImageGrid(new[] { firstTen.Columns[MultitaskNet.Columns.Image], reconstructions }));
        }

        return new ExampleResult(
            Name,
            options.Epochs,
            context.TrainSeconds,
            new Dictionary<string, double>
            {
                ["test_accuracy"] = metrics.Accuracy[MultitaskNet.Columns.Label],
                ["reconstruction_mse"] = metrics.Losses[MultitaskNet.Columns.Reconstruction],
                ["test_loss"] = metrics.Total,
            },
            Array.Empty<string>());
    }
}
