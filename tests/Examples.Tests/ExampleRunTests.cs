using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Examples.Tests;

/// <summary>
/// Every example runs end to end through the command line on a few hundred embedded digits and writes what the
/// contract says: metrics.json with numeric metrics, a loss curve and its pictures, all valid PNG files.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class ExampleRunTests
{
    private static readonly byte[] PngMagic = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    public static TheoryData<string, string[], string[]> Examples => new()
    {
        { "joint-embedding", new[] { "teacher_accuracy", "teacher_upside_down_accuracy", "student_upside_down_accuracy" }, new[] { "loss.png", "upside_down.png" } },
        { "multitask", new[] { "test_accuracy", "reconstruction_mse", "test_loss" }, new[] { "loss.png", "reconstructions.png" } },
        { "odd-only", new[] { "even_accuracy", "odd_accuracy", "overall_accuracy" }, new[] { "loss.png" } },
        { "siamese", new[] { "verification_accuracy", "unseen_verification_accuracy", "one_shot_3way_accuracy" }, new[] { "loss.png" } },
        { "resnet", new[] { "test_accuracy", "test_loss" }, new[] { "loss.png" } },
        { "denoising", new[] { "noisy_mse", "denoised_mse", "error_ratio" }, new[] { "loss.png", "denoised.png" } },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_trains_briefly_and_writes_metrics_and_pictures(string example, string[] metricNames, string[] pictures)
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, error) = runner.Run(example, "--epochs", "1", "--limit", "256", "--batch-size", "64", "--out", runner.OutputRoot);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}\n{output}");
        Assert.Contains("results", output);
        string directory = Path.Combine(runner.OutputRoot, example);

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "metrics.json")));
        JsonElement root = metrics.RootElement;
        Assert.Equal(new[] { "example", "epochs", "train_seconds", "metrics" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(example, root.GetProperty("example").GetString());
        Assert.Equal(1, root.GetProperty("epochs").GetInt32());
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        var values = root.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(metricNames.OrderBy(n => n), values.Keys.OrderBy(n => n));
        Assert.All(values.Values, v => Assert.Equal(JsonValueKind.Number, v.ValueKind));
        Assert.All(values.Where(v => v.Key.Contains("accuracy")), v => Assert.InRange(v.Value.GetDouble(), 0.0, 1.0));

        foreach (string picture in pictures)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(directory, picture));
            Assert.True(bytes.Length > 1000, $"{picture} has only {bytes.Length} bytes");
            Assert.Equal(PngMagic, bytes.Take(8));
        }
    }

    /// <summary>
    /// <c>--precision bf16-mixed</c> trains every phase in bf16-mixed: the same seeded run ends with other losses than in
    /// fp32 (bfloat16 rounds each convolution and linear layer), close to them; on a CPU without native bfloat16 it says
    /// so and trains in float32, so the metrics are the fp32 run's.
    /// </summary>
    [Fact]
    public void The_precision_option_trains_the_example_in_bf16_mixed()
    {
        var metrics = new Dictionary<string, Dictionary<string, double>>();
        foreach (string precision in new[] { "fp32", "bf16-mixed" })
        {
            using var runner = new ExampleRunner();
            var (exitCode, output, error) = runner.Run("multitask", "--epochs", "1", "--limit", "256", "--batch-size", "64", "--precision", precision, "--out", runner.OutputRoot);
            Assert.True(exitCode == 0, $"exit code {exitCode}: {error}\n{output}");
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(runner.OutputRoot, "multitask", "metrics.json")));
            metrics[precision] = document.RootElement.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        }

        double fp32 = metrics["fp32"]["test_loss"], bf16 = metrics["bf16-mixed"]["test_loss"];
        if (Dsl.Training.MixedPrecision.CpuSupportsBf16)
        {
            Assert.NotEqual(fp32, bf16);
            Assert.InRange(bf16, 0.8 * fp32, 1.25 * fp32);
        }
        else
        {
            Assert.Equal(fp32, bf16);
        }
    }

    [Fact]
    public void Odd_only_writes_both_confusion_matrices_with_one_row_per_test_digit()
    {
        using var runner = new ExampleRunner();

        var (exitCode, _, error) = runner.Run("odd-only", "--epochs", "1", "--limit", "256", "--out", runner.OutputRoot);

        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(runner.OutputRoot, "odd-only", "confusion_matrices.json")));
        long total = 0;
        foreach (string part in new[] { "even", "odd" })
        {
            JsonElement matrix = document.RootElement.GetProperty(part);
            Assert.Equal(5, matrix.GetProperty("rows").GetArrayLength());
            List<long[]> counts = matrix.GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToList();
            Assert.All(counts, row => Assert.Equal(10, row.Length));
            total += counts.Sum(row => row.Sum());
        }

        Assert.Equal(256, total); // --limit 256: max(256, 256 / 4) test digits, each counted once
    }

    [Fact]
    public void Joint_embedding_saves_the_teacher_and_loads_it_into_the_frozen_part_by_name()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, error) = runner.Run("joint-embedding", "--epochs", "1", "--limit", "256", "--out", runner.OutputRoot);

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(runner.OutputRoot, "joint-embedding", "teacher.safetensors")));
        Assert.Contains("every name matched", output);
    }
}
