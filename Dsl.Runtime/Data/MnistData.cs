using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TorchSharp;

namespace Dsl.Data;

/// <summary>
/// A labelled image dataset in the MNIST format, ready for training: <see cref="Images"/> float32
/// <c>[N, 1, 28, 28]</c> scaled to 0..1, <see cref="Labels"/> int64 <c>[N]</c>, the class names and where the data came
/// from. The first <see cref="TrainCount"/> samples are the training part and the rest the test part
/// (<see cref="Split()"/>). Owns its tensors: dispose it when done.
/// </summary>
/// <example>
/// <code>
/// using MnistData data = MnistData.Load();            // the embedded 10,000 digits
/// using MnistSplit split = data.Split();              // first 8,000 / last 2,000
/// Console.WriteLine(data.Description);
/// torch.Tensor x = split.Train.Images, y = split.Train.Labels;
/// </code>
/// </example>
public sealed class MnistData : IDisposable
{
    internal MnistData(torch.Tensor images, torch.Tensor labels, IReadOnlyList<string> classNames, string description, int trainCount)
    {
        Images = images;
        Labels = labels;
        ClassNames = classNames;
        Description = description;
        Count = checked((int)labels.shape[0]);
        TrainCount = trainCount;
    }

    /// <summary>The images, float32 <c>[N, 1, H, W]</c> (MNIST: H = W = 28), pixel / 255, on the CPU.</summary>
    public torch.Tensor Images { get; }

    /// <summary>The labels, int64 <c>[N]</c>, each an index into <see cref="ClassNames"/>.</summary>
    public torch.Tensor Labels { get; }

    /// <summary>The class names, indexed by label (digits "0".."9", or Fashion-MNIST's names).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Where the data came from, one line, for logs, READMEs and example output.</summary>
    public string Description { get; }

    /// <summary>The number of samples, N.</summary>
    public int Count { get; }

    /// <summary>
    /// How many leading samples form the training part: the official training set for MNIST and Fashion-MNIST (60,000),
    /// <see cref="EmbeddedMnist.TrainCount"/> for the embedded set; <see cref="Count"/> or 0 for a part made by
    /// <see cref="Split(int)"/>.
    /// </summary>
    public int TrainCount { get; }

    /// <summary>Loads a dataset (default <see cref="DataSource.Embedded"/>); blocks while a download runs.</summary>
    /// <exception cref="System.IO.InvalidDataException">A data file is damaged; the message says which and what to do.</exception>
    /// <exception cref="System.IO.IOException">Files are missing (the message says how to get them) or a download failed.</exception>
    public static MnistData Load(DataSource? source = null, CancellationToken cancellationToken = default)
    {
        return LoadAsync(source, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Loads a dataset (default <see cref="DataSource.Embedded"/>), downloading first where the source says so.</summary>
    /// <inheritdoc cref="Load(DataSource?, CancellationToken)"/>
    public static async Task<MnistData> LoadAsync(DataSource? source = null, CancellationToken cancellationToken = default)
    {
        switch (source ?? DataSource.Embedded)
        {
            case DataSource.EmbeddedSource:
                return MnistLoader.FromSingleSet(
                    EmbeddedMnist.ReadImages(),
                    EmbeddedMnist.ReadLabels(),
                    global::Dsl.Data.ClassNames.Digits,
                    EmbeddedMnist.Description,
                    EmbeddedMnist.TrainCount);

            case DataSource.FashionSource fashion:
                MnistFiles fashionFiles = FashionMnist.FindFiles(fashion.Directory);
                return MnistLoader.FromFiles(fashionFiles, global::Dsl.Data.ClassNames.Fashion, $"Fashion-MNIST from {System.IO.Path.GetFullPath(fashion.Directory)}");

            case DataSource.DirectorySource directory:
                MnistFiles files = MnistFiles.Find(directory.Directory);
                return MnistLoader.FromFiles(files, directory.ClassNames, $"IDX files from {System.IO.Path.GetFullPath(directory.Directory)}");

            case DataSource.DownloadSource download:
                MnistDownloadOptions options = download.Options;
                MnistFiles cached = await MnistDownloader.DownloadAsync(options, cancellationToken).ConfigureAwait(false);
                return MnistLoader.FromFiles(
                    cached,
                    options.ClassNames,
                    $"{options.DatasetName} downloaded from {options.BaseUrl}, cached in {System.IO.Path.GetFullPath(options.CacheDirectory)}");

            default:
                throw new ArgumentException($"unknown data source {source}", nameof(source));
        }
    }

    /// <summary>Splits into the training part (the first <see cref="TrainCount"/> samples) and the test part (the rest).</summary>
    /// <exception cref="InvalidOperationException">This dataset has no such split (it is itself one part).</exception>
    public MnistSplit Split()
    {
        if (TrainCount <= 0 || TrainCount >= Count)
        {
            throw new InvalidOperationException(
                $"this dataset ({Description}) has no train/test split: {DataText.Count(TrainCount)} of {DataText.Count(Count)} samples are for training; use Split(trainCount)");
        }

        return Split(TrainCount);
    }

    /// <summary>
    /// Splits into the first <paramref name="trainCount"/> samples and the rest. Deterministic (no shuffling); the parts
    /// are views sharing this dataset's memory, and disposing them does not dispose this dataset.
    /// </summary>
    public MnistSplit Split(int trainCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trainCount, Count);
        int testCount = Count - trainCount;
        var train = new MnistData(
            Images.narrow(0, 0, trainCount),
            Labels.narrow(0, 0, trainCount),
            ClassNames,
            $"{Description}; training part: {DataText.Count(trainCount)} samples",
            trainCount);
        var test = new MnistData(
            Images.narrow(0, trainCount, testCount),
            Labels.narrow(0, trainCount, testCount),
            ClassNames,
            $"{Description}; test part: {DataText.Count(testCount)} samples",
            trainCount: 0);
        return new MnistSplit(train, test);
    }

    /// <summary>Disposes the image and label tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
