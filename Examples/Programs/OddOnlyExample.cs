using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
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
/// Seed 002: an MLP whose cross-entropy is multiplied by an "is odd" column, so even digits never contribute to the
/// loss. Expected (and reported by the seed): about 0% accuracy on even digits, about 98% on odd ones.
/// </summary>
public sealed class OddOnlyExample : IExample
{
    public string Name => "odd-only";

    public string Seed => "002";

    public string Description => "MLP whose loss counts only odd digits (masked loss): even vs odd accuracy and confusion matrices";

    public IReadOnlyList<ModelInfo> Models => new[] { OddOnlyMlp.Info };

    // The seed: Adam, batch 128, 3 epochs of 468 batches. 8,000 digits give 63 batches an epoch, so 20 epochs.
    public ExampleDefaults Defaults => new(Epochs: 20, BatchSize: 128, Limit: 8000);

    public ExampleResult Run(ExampleOptions options, ExampleContext context)
    {
        using var data = ExampleData.Load(options);
        context.Console.WriteLine(data.Description);

        torch.manual_seed(options.Seed);
        using var model = new OddOnlyMlp();
        using var train = Columns(data.TrainImages, data.TrainLabels);
        context.Fit("train", model, train, null, new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
            Optimizer = OptimizerSpec.Adam(),
        });

        model.eval();
        using Tensor images = data.TestImages.reshape(-1, 28, 28);
        using Tensor predicted = Evaluation.PredictClasses(x => model.Forward(x).Logits, images, context.Device);
        using Tensor isOdd = data.TestLabels.remainder(2).eq(1);
        using Tensor isEven = isOdd.logical_not();

        var result = new Dictionary<string, double>();
        var matrices = new Dictionary<string, object>();
        foreach (var (name, mask) in new[] { ("even", isEven), ("odd", isOdd) })
        {
            using Tensor truth = data.TestLabels.masked_select(mask);
            using Tensor guess = predicted.masked_select(mask);
            result[$"{name}_accuracy"] = Evaluation.Accuracy(guess, truth);
            long[][] matrix = Evaluation.ConfusionMatrix(truth, guess, classes: 10);
            int[] digits = Enumerable.Range(0, 10).Where(d => d % 2 == (name == "odd" ? 1 : 0)).ToArray();
            PrintMatrix(context.Console, $"{name} digits (rows: true digit, columns: predicted)", matrix, digits);
            matrices[name] = new { rows = digits, columns = Enumerable.Range(0, 10).ToArray(), counts = digits.Select(d => matrix[d]).ToArray() };
        }

        result["overall_accuracy"] = Evaluation.Accuracy(predicted, data.TestLabels);
        context.AddFile("confusion_matrices.json", JsonSerializer.SerializeToUtf8Bytes(matrices, new JsonSerializerOptions { WriteIndented = true }));
        return new ExampleResult(Name, options.Epochs, context.TrainSeconds, result, Array.Empty<string>());
    }

    /// <summary>OddOnlyMlp's columns: the images as [N, 28, 28], the labels, and the mask (1 for odd digits).</summary>
    private static TensorDataset Columns(Tensor images, Tensor labels)
    {
        using Tensor rows = images.reshape(-1, 28, 28);
        using Tensor isOdd = labels.remainder(2).to(float32);
        return OddOnlyMlp.Dataset(image: rows, label: labels, isOdd: isOdd);
    }

    private static void PrintMatrix(IAnsiConsole console, string title, long[][] matrix, int[] rows)
    {
        var table = new Table().Title(title).Border(TableBorder.Simple);
        table.AddColumn("true");
        foreach (int column in Enumerable.Range(0, 10))
        {
            table.AddColumn(new TableColumn(column.ToString(CultureInfo.InvariantCulture)).RightAligned());
        }

        foreach (int row in rows)
        {
            table.AddRow(new[] { row.ToString(CultureInfo.InvariantCulture) }
                .Concat(matrix[row].Select(c => c.ToString(CultureInfo.InvariantCulture))).ToArray());
        }

        console.Write(table);
    }
}
