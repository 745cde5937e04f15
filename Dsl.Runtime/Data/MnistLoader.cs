using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;

namespace Dsl.Data;

/// <summary>Checks that image and label arrays belong together and turns them into an <see cref="MnistData"/>.</summary>
internal static class MnistLoader
{
    /// <summary>Loads training and test files and joins them, training samples first.</summary>
    public static MnistData FromFiles(MnistFiles files, IReadOnlyList<string> classNames, string source)
    {
        IdxArray trainImages = IdxReader.Read(files.TrainImages);
        IdxArray trainLabels = IdxReader.Read(files.TrainLabels);
        IdxArray testImages = IdxReader.Read(files.TestImages);
        IdxArray testLabels = IdxReader.Read(files.TestLabels);
        CheckPair(trainImages, trainLabels, classNames.Count);
        CheckPair(testImages, testLabels, classNames.Count);
        if (trainImages.Dims[1] != testImages.Dims[1] || trainImages.Dims[2] != testImages.Dims[2])
        {
            throw IdxErrors.Invalid(
                files.TestImages,
                $"test images are {DataText.Dims([testImages.Dims[1], testImages.Dims[2]])} pixels but the training images in " +
                $"{files.TrainImages} are {DataText.Dims([trainImages.Dims[1], trainImages.Dims[2]])}: the files are from different datasets");
        }

        int trainCount = trainImages.Dims[0];
        int testCount = testImages.Dims[0];
        int[] imageDims = [checked(trainCount + testCount), trainImages.Dims[1], trainImages.Dims[2]];
        var images = new IdxArray(imageDims, Concat(trainImages.Bytes, testImages.Bytes));
        var labels = new IdxArray([imageDims[0]], Concat(trainLabels.Bytes, testLabels.Bytes));
        string description = $"{source} ({DataText.Count(trainCount)} training + {DataText.Count(testCount)} test samples)";
        return Create(images, labels, classNames, description, trainCount);
    }

    /// <summary>One set of images and labels whose first <paramref name="trainCount"/> samples are for training.</summary>
    public static MnistData FromSingleSet(IdxArray images, IdxArray labels, IReadOnlyList<string> classNames, string description, int trainCount)
    {
        CheckPair(images, labels, classNames.Count);
        return Create(images, labels, classNames, description, trainCount);
    }

    private static MnistData Create(IdxArray images, IdxArray labels, IReadOnlyList<string> classNames, string description, int trainCount)
    {
        torch.Tensor imageTensor = IdxTensors.ToImages(images);
        try
        {
            return new MnistData(imageTensor, IdxTensors.ToLabels(labels), classNames, description, trainCount);
        }
        catch
        {
            imageTensor.Dispose();
            throw;
        }
    }

    private static void CheckPair(IdxArray images, IdxArray labels, int classCount)
    {
        string imageSource = images.Source ?? "images";
        string labelSource = labels.Source ?? "labels";
        if (images.DataType != IdxDataType.UnsignedByte || images.Dims.Count != 3)
        {
            throw IdxErrors.Invalid(
                imageSource,
                $"expected images [count, rows, columns] of {IdxDataTypes.Describe(IdxDataType.UnsignedByte)}, found " +
                $"{DataText.Dims(images.Dims)} of {IdxDataTypes.Describe(images.DataType)}; is this an images (idx3-ubyte) file?");
        }

        if (labels.DataType != IdxDataType.UnsignedByte || labels.Dims.Count != 1)
        {
            throw IdxErrors.Invalid(
                labelSource,
                $"expected labels [count] of {IdxDataTypes.Describe(IdxDataType.UnsignedByte)}, found " +
                $"{DataText.Dims(labels.Dims)} of {IdxDataTypes.Describe(labels.DataType)}; is this a labels (idx1-ubyte) file?");
        }

        if (images.Dims[0] != labels.Dims[0])
        {
            throw IdxErrors.Invalid(
                labelSource,
                $"has {DataText.Count(labels.Dims[0])} labels but {imageSource} has {DataText.Count(images.Dims[0])} images: " +
                "expected one label per image; the two files do not belong together");
        }

        ReadOnlySpan<byte> values = labels.Bytes;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] >= classCount)
            {
                throw IdxErrors.Invalid(
                    labelSource,
                    $"label {values[i]} at index {DataText.Count(i)} is outside 0..{classCount - 1} (the dataset has {classCount} classes); " +
                    "the file is damaged or belongs to another dataset");
            }
        }
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var joined = new byte[checked(first.Length + second.Length)];
        first.CopyTo(joined, 0);
        second.CopyTo(joined, first.Length);
        return joined;
    }
}
