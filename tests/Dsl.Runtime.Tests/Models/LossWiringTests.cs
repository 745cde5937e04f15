using System;
using System.Collections.Generic;
using System.Linq;
using Dsl;
using Dsl.Training;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Seed 000's alignment term as a stand-alone model: two embeddings, minimize 1 - cosine.</summary>
[Model]
public partial class CosineAlignment
{
    static void Define(Graph g)
    {
        var a = g.Input("a", 3);
        var b = g.Input("b", 3);
        g.Minimize("misalignment", 1 - Ops.CosineSimilarity(a, b));
    }
}

/// <summary>The generated loss wiring of the seed networks, checked against hand computations on fixed tensors.</summary>
public class LossWiringTests
{
    private static double CrossEntropyByHand(float[] logits, int label)
    {
        double max = double.MinValue;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        double sum = 0;
        foreach (var l in logits)
        {
            sum += Math.Exp(l - max);
        }

        return -(logits[label] - max - Math.Log(sum));
    }

    private static readonly float[][] Logits =
    {
        new[] { 2.0f, 0.5f, -1.0f, 0.0f, 0.1f, 0.2f, 0.3f, -0.4f, 1.5f, 0.0f },
        new[] { -0.3f, 0.8f, 0.1f, 2.2f, 0.0f, -1.0f, 0.4f, 0.5f, 0.0f, 0.9f },
        new[] { 0.0f, 0.0f, 0.0f, 0.0f, 3.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f },
    };

    private static readonly long[] Labels = { 0, 3, 7 };

    private static Tensor LogitsTensor() => torch.tensor(Flatten(Logits), new long[] { 3, 10 });

    private static float[] Flatten(float[][] rows)
    {
        var flat = new List<float>();
        foreach (var row in rows)
        {
            flat.AddRange(row);
        }

        return flat.ToArray();
    }

    [Fact]
    public void Multitask_total_is_0_9_cross_entropy_plus_0_1_reconstruction_mse_against_the_input()
    {
        using var model = new MultitaskNet();
        using var logits = LogitsTensor();
        using var image = torch.linspace(0, 1, 3 * 28 * 28).reshape(3, 1, 28, 28);
        using var reconstruction = (image * 0.5f) + 0.25f;
        // The reconstruction target is no output (not positional): a hand-built Outputs sets it by name.
        var outputs = new MultitaskNet.Outputs(logits, reconstruction) { ReconstructionTarget = image };
        using var labels = torch.tensor(Labels);

        using var losses = model.ComputeLoss(outputs, new MultitaskNet.Targets(labels));

        double ce = (CrossEntropyByHand(Logits[0], 0) + CrossEntropyByHand(Logits[1], 3) + CrossEntropyByHand(Logits[2], 7)) / 3;
        var pixels = image.data<float>().ToArray();
        double mse = 0;
        foreach (var p in pixels)
        {
            double d = (p * 0.5 + 0.25) - p;
            mse += d * d;
        }

        mse /= pixels.Length;
        Assert.Equal(ce, losses.Label.item<float>(), 5);
        Assert.Equal(mse, losses.Reconstruction.item<float>(), 5);
        Assert.Equal((0.9 * ce) + (0.1 * mse), losses.Total.item<float>(), 5);
        Assert.Equal(new[] { ("label", 0.9), ("reconstruction", 0.1) }, losses.Terms.Select(v => (v.Name, v.Weight)));

        var missing = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new MultitaskNet.Outputs(logits, reconstruction), new MultitaskNet.Targets(labels)));
        Assert.StartsWith("MultitaskNet: the outputs carry no 'reconstruction_target', the tensor a loss term reads beside the declared outputs", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_the_declared_ones_and_forward_still_feeds_the_self_supervised_term()
    {
        // Only g.Output declarations are outputs: the record's positional members, Info and the trainer's outputs.
        Assert.Equal(new[] { "Classification", "Autoencoder" }, typeof(MultitaskNet.Outputs).GetConstructors().Single().GetParameters().Select(p => p.Name));
        Assert.Equal(new[] { "classification", "autoencoder" }, MultitaskNet.Info.Outputs.Select(o => o.Name));
        var term = MultitaskNet.Info.Losses.Single(l => l.Name == "reconstruction");
        Assert.Equal(("autoencoder", "sigmoid_1", "image"), (term.Prediction, term.PredictionNode, term.TargetNode));

        torch.manual_seed(5);
        using var model = new MultitaskNet();
        model.eval();
        using var images = torch.rand(3, 1, 28, 28);
        using var labels = torch.tensor(Labels);
        using var outputs = model.Forward(images);
        Assert.Same(images, outputs.ReconstructionTarget);
        using var losses = model.ComputeLoss(outputs, new MultitaskNet.Targets(labels));
        using var expected = (outputs.Autoencoder - images).square().mean();
        Assert.Equal(expected.item<float>(), losses.Reconstruction.item<float>(), 6);

        ITrainableModel trainable = model;
        using (var step = trainable.Step(new Dictionary<string, Tensor> { ["image"] = images, ["label"] = labels }))
        {
            Assert.Equal(new[] { "classification", "autoencoder" }, step.Outputs.Keys.OrderByDescending(k => k.Length));
        }

        Assert.False(images.IsInvalid);
    }

    [Fact]
    public void OddOnly_loss_is_the_mean_cross_entropy_over_odd_samples_only()
    {
        using var model = new OddOnlyMlp();
        using var logits = LogitsTensor();
        using var labels = torch.tensor(new long[] { 1, 4, 7 });
        using var isOdd = torch.tensor(new float[] { 1, 0, 1 });

        using var losses = model.ComputeLoss(new OddOnlyMlp.Outputs(logits), new OddOnlyMlp.Targets(labels, isOdd));

        double expected = (CrossEntropyByHand(Logits[0], 1) + CrossEntropyByHand(Logits[2], 7)) / 2;
        Assert.Equal(expected, losses.Label.item<float>(), 5);
        Assert.Equal(expected, losses.Total.item<float>(), 5);
    }

    [Fact]
    public void Minimize_one_minus_cosine_equals_the_hand_computed_mean()
    {
        using var model = new CosineAlignment();
        using var a = torch.tensor(new float[] { 1, 0, 0, 1, 2, 3 }, new long[] { 2, 3 });
        using var b = torch.tensor(new float[] { 0, 1, 0, 2, 4, 6 }, new long[] { 2, 3 });
        using var outputs = model.Forward(a, b);
        using var losses = model.ComputeLoss(outputs, new CosineAlignment.Targets());

        // Row 1 is orthogonal (cosine 0), row 2 parallel (cosine 1): mean(1 - cos) = (1 + 0) / 2.
        Assert.Equal(0.5, losses.Misalignment.item<float>(), 5);
        // The minimized node is no declared output: the record has no positional member and Info lists none.
        Assert.Empty(typeof(CosineAlignment.Outputs).GetConstructors().Single().GetParameters());
        Assert.Empty(CosineAlignment.Info.Outputs);
        Assert.Equal(new long[] { 2, 1 }, outputs.Misalignment!.shape);
        Assert.Equal(("scalar_1", "scalar_1"), (CosineAlignment.Info.Losses[0].Prediction, CosineAlignment.Info.Losses[0].PredictionNode));
    }

    [Fact]
    public void A_target_of_the_wrong_shape_or_dtype_throws_naming_the_target_and_both_shapes()
    {
        using var model = new DigitClassifier();
        using var logits = LogitsTensor();
        using var oneHot = torch.zeros(3, 10);
        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new DigitClassifier.Outputs(logits), new DigitClassifier.Targets(oneHot)));
        Assert.StartsWith("DigitClassifier: target 'label' expects shape [B] (int64) but got [3, 10] (float32).", error.Message, StringComparison.Ordinal);

        using var fewer = torch.tensor(new long[] { 1, 2 });
        error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new DigitClassifier.Outputs(logits), new DigitClassifier.Targets(fewer)));
        Assert.Contains("batch size 2 but earlier tensors have batch size 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_reads_named_columns_and_names_a_missing_one()
    {
        torch.manual_seed(3);
        using var model = new DigitClassifier();
        ITrainableModel trainable = model;
        using var images = torch.rand(4, 1, 28, 28);
        using var labels = torch.tensor(new long[] { 0, 1, 2, 3 });
        using (var step = trainable.Step(new Dictionary<string, Tensor> { ["image"] = images, ["label"] = labels }))
        {
            Assert.Equal(new long[] { 4, 10 }, step.Outputs["logits"].shape);
            Assert.True(step.Losses.Total.item<float>() > 0);
        }

        var error = Assert.Throws<ArgumentException>(() => trainable.Step(new Dictionary<string, Tensor> { ["image"] = images }));
        Assert.StartsWith("DigitClassifier: the batch has no column 'label'. The model needs the columns image, label; the batch has image.", error.Message, StringComparison.Ordinal);

        var info = Assert.Single(trainable.ModelInfo.Losses);
        Assert.Equal(new Dsl.Metadata.LossInfo("label", "CrossEntropy", 1.0, "logits", "label", null, true) { PredictionNode = "layer4" }, info);
        Assert.Equal(new Dsl.Metadata.TensorInfo("label", "[B]", "int64"), Assert.Single(trainable.ModelInfo.Targets));
    }
}
