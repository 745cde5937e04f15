using System;
using System.Collections.Generic;
using Dsl.Data;
using Dsl.Runtime.Tests.Models;
using Dsl.Runtime.Tests.Training;
using Dsl.Training;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Checks;

/// <summary>
/// Wrong values in a batch are an <see cref="ArgumentException"/> in the library's words, naming the model, the
/// tensor and what was expected: never a libtorch error with a C++ trace, never a silent NaN.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class RunTimeCheckTests
{
    [Theory]
    [InlineData(12L)]
    [InlineData(10L)]
    [InlineData(-1L)]
    public void A_class_index_outside_the_classes_names_the_model_the_target_and_the_valid_range(long bad)
    {
        using var model = new DigitClassifier();
        using var logits = torch.zeros(3, 10);
        using var labels = torch.tensor(new[] { 1L, bad, 2L });

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new DigitClassifier.Outputs(logits), new DigitClassifier.Targets(labels)));

        Assert.StartsWith(
            $"DigitClassifier: target 'label' holds class index {bad}, but the prediction has 10 classes: expected class indices from 0 to 9.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_index_out_of_range_inside_Trainer_Fit_names_the_model_and_the_target()
    {
        using var model = new OddOnlyMlp();
        using var data = new TensorDataset(new Dictionary<string, Tensor>
        {
            ["image"] = torch.rand(8, 28, 28, generator: new torch.Generator(1)),
            ["label"] = torch.tensor(new long[] { 0, 1, 2, 3, 4, 5, 12, 7 }),
            ["isOdd"] = torch.ones(8),
        });

        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, data, null, new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 1 }));

        Assert.StartsWith("OddOnlyMlp: target 'label' holds class index 12, but the prediction has 10 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_input_with_an_empty_batch_is_refused_before_the_second_input_is_compared_with_it()
    {
        using var model = new CosineAlignment();
        using var a = torch.zeros(0, 3);
        using var b = torch.ones(4, 3);

        var error = Assert.Throws<ArgumentException>(() => model.Forward(a, b));

        Assert.StartsWith("CosineAlignment: input 'a' is an empty batch (shape [0, 3]); expected at least one sample in [B, 3].", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_input_with_an_empty_batch_is_refused()
    {
        using var model = new CosineAlignment();
        using var a = torch.ones(4, 3);
        using var b = torch.zeros(0, 3);

        var error = Assert.Throws<ArgumentException>(() => model.Forward(a, b));

        Assert.StartsWith("CosineAlignment: input 'b' is an empty batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_batch_gives_an_error_instead_of_a_NaN_loss()
    {
        using var model = new DigitClassifier();
        using var logits = torch.zeros(0, 10);
        using var labels = torch.zeros(0, dtype: ScalarType.Int64);

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new DigitClassifier.Outputs(logits), new DigitClassifier.Targets(labels)));

        Assert.StartsWith("DigitClassifier: target 'label' is an empty batch (shape [0])", error.Message, StringComparison.Ordinal);
        Assert.Contains("mean loss is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_batch_of_a_target_free_term_gives_an_error_instead_of_a_NaN_loss()
    {
        using var model = new CosineAlignment();
        using var empty = torch.zeros(0, 1);

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new CosineAlignment.Outputs() { Misalignment = empty }, new CosineAlignment.Targets()));

        Assert.StartsWith("Mean: the prediction is empty (shape [0, 1]); expected at least one sample.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_cross_entropy_target_outside_0_1_names_the_model_the_target_and_the_range_found()
    {
        using var model = new DenoisingAutoencoder();
        using var prediction = torch.full(2, 1, 28, 28, 0.5f);
        using var clean = torch.linspace(0, 255, 2 * 28 * 28).reshape(2, 1, 28, 28);

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new DenoisingAutoencoder.Outputs(prediction), new DenoisingAutoencoder.Targets(clean)));

        Assert.StartsWith(
            "DenoisingAutoencoder: target 'clean' of BinaryCrossEntropy holds values from 0 to 255, but expected probabilities in [0, 1].",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("divide pixel values by 255", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_cross_entropy_prediction_outside_0_1_says_to_end_it_with_a_sigmoid()
    {
        using var model = new DenoisingAutoencoder();
        using var logits = torch.linspace(-2, 2, 2 * 28 * 28).reshape(2, 1, 28, 28);
        using var clean = torch.full(2, 1, 28, 28, 0.5f);

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new DenoisingAutoencoder.Outputs(logits), new DenoisingAutoencoder.Targets(clean)));

        Assert.StartsWith(
            "DenoisingAutoencoder: BinaryCrossEntropy: the prediction compared with target 'clean' holds values from -2 to 2, but expected probabilities in [0, 1].",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(".Sigmoid()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contrastive_same_target_outside_0_1_is_refused()
    {
        using var model = new SiameseNet();
        using var distance = torch.ones(2, 1);
        using var same = torch.tensor(new float[] { 1, 2 }).reshape(2, 1);

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new SiameseNet.Outputs(distance), new SiameseNet.Targets(same)));

        Assert.StartsWith("SiameseNet: target 'same' of Contrastive holds values from 1 to 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_values_pass_every_check()
    {
        using var model = new DigitClassifier();
        using var logits = torch.zeros(3, 10);
        using var labels = torch.tensor(new long[] { 0, 9, 5 });

        using var losses = model.ComputeLoss(new DigitClassifier.Outputs(logits), new DigitClassifier.Targets(labels));

        Assert.Equal(Math.Log(10), losses.Total.item<float>(), 5);
    }
}
