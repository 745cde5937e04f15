using System;
using Dsl.Training;
using Examples.Models;
using TorchSharp;

namespace Dsl.Runtime.Tests.Data;

/// <summary>
/// The generated <c>Columns</c> and <c>Dataset(...)</c>: datasets built without spelling a declared name, the
/// caller's tensors left to the caller, and prediction from a dataset that has no targets.
/// </summary>
public sealed class TypedDatasetTests
{
    [Fact]
    public void Columns_hold_every_declared_name_once()
    {
        Assert.Equal("image", MultitaskNet.Columns.Image);
        Assert.Equal("label", MultitaskNet.Columns.Label);
        Assert.Equal("autoencoder", MultitaskNet.Columns.Autoencoder);
        Assert.Equal("reconstruction", MultitaskNet.Columns.Reconstruction);
        Assert.Equal("isOdd", OddOnlyMlp.Columns.IsOdd);
        Assert.Equal("distance", SiameseNet.Columns.Distance);
    }

    [Fact]
    public void A_dataset_holds_aliases_so_the_callers_tensors_outlive_it()
    {
        using var images = torch.rand(6, 1, 28, 28);
        using var labels = torch.arange(6, dtype: torch.int64);

        using (var data = DigitClassifier.Dataset(image: images, label: labels))
        {
            Assert.Equal(6, data.Count);
            Assert.Equal(new[] { DigitClassifier.Columns.Image, DigitClassifier.Columns.Label }, new[] { "image", "label" });
            Assert.True(data.Columns.ContainsKey(DigitClassifier.Columns.Label));
        }

        Assert.Equal(6, images.shape[0]);
        Assert.Equal(15, labels.sum().item<long>());
    }

    [Fact]
    public void Predict_needs_only_the_inputs()
    {
        torch.manual_seed(4);
        using var model = new DigitClassifier();
        using var images = torch.rand(5, 1, 28, 28);
        using var data = DigitClassifier.Dataset(image: images);

        using var logits = Trainer.Predict(model, data, DigitClassifier.Columns.Logits, batchSize: 2);

        Assert.Equal(new long[] { 5, 10 }, logits.shape);
        model.eval();
        using var direct = model.Forward(images);
        Assert.True(torch.allclose(direct.Logits, logits, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void A_missing_input_column_names_what_prediction_needs()
    {
        using var model = new DigitClassifier();
        using var labels = torch.arange(3, dtype: torch.int64);
        using var data = Dsl.Data.TensorDataset.Of(("label", labels));

        var error = Assert.Throws<ArgumentException>(() => Trainer.Predict(model, data, DigitClassifier.Columns.Logits));

        Assert.Contains("the batch has no column 'image'. The model needs the columns image;", error.Message);
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected_and_nothing_is_kept()
    {
        using var images = torch.rand(4, 1, 28, 28);
        using var labels = torch.arange(3, dtype: torch.int64);

        var error = Assert.Throws<ArgumentException>(() => DigitClassifier.Dataset(image: images, label: labels));

        Assert.Contains("'image' has 4 but 'label' has 3", error.Message);
        Assert.Equal(4, images.shape[0]);
    }
}
