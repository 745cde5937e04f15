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
/// Seed 004 (first half): the ResNet built by loops and a helper. <c>summary resnet</c> shows the seed's
/// configuration (<see cref="ResNet"/>: 3x128x128 images, 2 classes, 11 million parameters), which has no data set
/// here; the run trains <see cref="DigitResNet"/>, the same structure sized for digits, with Adam.
/// </summary>
public sealed class ResNetExample : IExample
{
    public string Name => "resnet";

    public string Seed => "004";

    public string Description => "ResNet built by loops and a helper (seed: 3x128x128, 2 classes); trains a digit-sized variant";

    public IReadOnlyList<ModelInfo> Models => new[] { ResNet.Info, DigitResNet.Info };

    public ExampleDefaults Defaults => new(Epochs: 2, BatchSize: 128, Limit: 8000);

    public ExampleResult Run(ExampleOptions options, ExampleContext context)
    {
        using var data = ExampleData.Load(options);
        context.Console.WriteLine(data.Description);

        torch.manual_seed(options.Seed);
        using var model = new DigitResNet();
        using var train = DigitResNet.Dataset(image: data.TrainImages, label: data.TrainLabels);
        using var test = DigitResNet.Dataset(image: data.TestImages, label: data.TestLabels);
        context.Fit("train", model, train, test, new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
            Optimizer = OptimizerSpec.Adam(),
        });

        EvaluationMetrics metrics = Trainer.Evaluate(model, test);
        return new ExampleResult(
            Name,
            options.Epochs,
            context.TrainSeconds,
            new Dictionary<string, double>
            {
                ["test_accuracy"] = metrics.Accuracy[DigitResNet.Columns.Label],
                ["test_loss"] = metrics.Total,
            },
            System.Array.Empty<string>());
    }
}
