using System;
using System.Collections.Generic;
using Dsl.Data;
using TorchSharp;

namespace Examples.Cli;

/// <summary>
/// The data of an example run: <c>--dataset</c> / <c>--data</c> turned into a <see cref="DataSource"/>, the
/// dataset's train/test split, and <c>--limit</c> applied (at most <c>limit</c> training images and a quarter of that,
/// at least 256, for testing: 8,000 / 2,000 on the embedded digits).
/// </summary>
public sealed class ExampleData : IDisposable
{
    private readonly MnistData all;

    private ExampleData(MnistData all, torch.Tensor trainImages, torch.Tensor trainLabels, torch.Tensor testImages, torch.Tensor testLabels)
    {
        this.all = all;
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        TestImages = testImages;
        TestLabels = testLabels;
    }

    /// <summary>Training images, float32 <c>[N, 1, 28, 28]</c> in 0..1.</summary>
    public torch.Tensor TrainImages { get; }

    /// <summary>Training labels, int64 <c>[N]</c>.</summary>
    public torch.Tensor TrainLabels { get; }

    /// <summary>Test images, float32 <c>[M, 1, 28, 28]</c> in 0..1.</summary>
    public torch.Tensor TestImages { get; }

    /// <summary>Test labels, int64 <c>[M]</c>.</summary>
    public torch.Tensor TestLabels { get; }

    /// <summary>The class names by label.</summary>
    public IReadOnlyList<string> ClassNames => all.ClassNames;

    /// <summary>Where the data came from and how much of it is used.</summary>
    public string Description => $"{all.Description}; using {TrainLabels.shape[0]:N0} training and {TestLabels.shape[0]:N0} test images";

    /// <summary>The data source that <c>--dataset</c> and <c>--data</c> name.</summary>
    /// <exception cref="ArgumentException">An unknown dataset name.</exception>
    public static DataSource SourceOf(string dataset, string? data) => dataset.ToLowerInvariant() switch
    {
        "mnist" => data is null ? DataSource.Embedded : DataSource.Parse(data),
        "fashion" => DataSource.Fashion(data),
        _ => throw new ArgumentException($"unknown dataset '{dataset}': use mnist or fashion"),
    };

    /// <summary>Loads the data of a run.</summary>
    public static ExampleData Load(ExampleOptions options)
    {
        MnistData all = MnistData.Load(SourceOf(options.Dataset, options.Data));
        int trainCount = all.TrainCount, testCount = all.Count - all.TrainCount;
        if (options.Limit is int limit)
        {
            trainCount = Math.Min(trainCount, limit);
            testCount = Math.Min(testCount, Math.Max(256, limit / 4));
        }

        return new ExampleData(
            all,
            all.Images.narrow(0, 0, trainCount),
            all.Labels.narrow(0, 0, trainCount),
            all.Images.narrow(0, all.TrainCount, testCount),
            all.Labels.narrow(0, all.TrainCount, testCount));
    }

    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
        all.Dispose();
    }
}
