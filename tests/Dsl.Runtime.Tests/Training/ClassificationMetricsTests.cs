using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Data;
using Dsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Top-k accuracy, confusion matrix, precision / recall / F1 and regression metrics, against hand computation.</summary>
[Collection(TrainingCollection.Name)]
public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Precision_recall_and_f1_follow_the_confusion_matrix()
    {
        // truth 0: 3 right, 1 taken for 1; truth 1: 2 right; class 2 never occurs.
        var report = new ClassificationReport(new[] { new long[] { 3, 1, 0 }, new long[] { 0, 2, 0 }, new long[] { 0, 0, 0 } });
        Assert.Equal(new[] { 1.0, 2.0 / 3, 0.0 }, report.Precision);
        Assert.Equal(new[] { 0.75, 1.0, 0.0 }, report.Recall);
        Assert.Equal(2 * 0.75 / 1.75, report.F1[0], 12);
        Assert.Equal(0.8, report.F1[1], 12);
        Assert.Equal((1.0 + (2.0 / 3)) / 2, report.MacroPrecision, 12);   // class 2 does not occur: not averaged
        Assert.Equal(0.875, report.MacroRecall, 12);
        Assert.Contains("truth\\pred", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_counts_the_confusion_matrix_and_top_k_of_the_predictions()
    {
        using var data = SyntheticData.Blobs(200, seed: 4, labelShift: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var metrics = Trainer.Evaluate(model, data, batchSize: 64, topK: 2);

        using var logits = Trainer.Predict(model, data, "logits");
        long[] predicted = logits.argmax(1).data<long>().ToArray();
        long[] truth = data.Columns["label"].data<long>().ToArray();
        var expected = new long[4, 4];
        for (int i = 0; i < truth.Length; i++)
        {
            expected[truth[i], predicted[i]]++;
        }

        var report = metrics.Classification["label"];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(Enumerable.Range(0, 4).Select(p => expected[t, p]), report.ConfusionMatrix[t]);
        }

        Assert.Equal(Enumerable.Range(0, 4).Sum(c => expected[c, c]) / 200.0, metrics.Accuracy["label"], 12);
        long[] top2 = logits.topk(2, 1).indexes.data<long>().ToArray();
        double inTop2 = Enumerable.Range(0, truth.Length).Count(i => top2[2 * i] == truth[i] || top2[(2 * i) + 1] == truth[i]) / 200.0;
        Assert.Equal(inTop2, metrics.TopKAccuracy["label"], 12);
        Assert.Equal(inTop2, metrics.Scalars("val_")["val_label_top2_accuracy"], 12);
        Assert.Equal(report.MacroF1, metrics.Scalars()["label_f1"]);
    }

    [Fact]
    public void A_masked_term_counts_only_the_selected_samples()
    {
        using var data = SyntheticData.Blobs(100, seed: 4);
        using var model = TinyClassifier.Create(seed: 3, masked: true);
        var metrics = Trainer.Evaluate(model, data);
        long selected = (long)data.Columns["mask"].sum().item<float>();
        Assert.Equal(selected, metrics.Classification["label"].ConfusionMatrix.Sum(r => r.Sum()));
    }

    [Fact]
    public void Regression_terms_report_mae_mse_and_r2()
    {
        var x = new float[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var y = new float[] { 1.5f, 2, 2, 4, 5, 7, 7, 9 };
        using var data = new TensorDataset(new Dictionary<string, Tensor> { ["x"] = tensor(x).reshape(4, 2), ["y"] = tensor(y).reshape(4, 2) });
        using var model = new FixedRegressor();
        var metrics = Trainer.Evaluate(model, data, batchSize: 3);

        double[] error = x.Zip(y, (p, t) => (double)p - t).ToArray();
        double mean = y.Average(v => (double)v);
        double r2 = 1 - (error.Sum(e => e * e) / y.Sum(v => (v - mean) * (v - mean)));
        var report = metrics.Regression["y"];
        Assert.Equal(error.Average(Math.Abs), report.Mae, 12);
        Assert.Equal(error.Average(e => e * e), report.Mse, 12);
        Assert.Equal(r2, report.R2, 10);
        Assert.Equal(report.R2, metrics.Scalars()["y_r2"]);
    }
}
