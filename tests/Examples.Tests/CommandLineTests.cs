using System.IO;

namespace Examples.Tests;

/// <summary>list, summary and plot, and the one-line errors for bad input.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void List_names_every_example_with_its_seed()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, _) = runner.Run("list");

        Assert.Equal(0, exitCode);
        foreach (string name in new[] { "joint-embedding", "multitask", "odd-only", "siamese", "resnet", "denoising" })
        {
            Assert.Contains(name, output);
        }

        Assert.Contains("003", output);
    }

    [Fact]
    public void Summary_of_joint_embedding_shows_the_classifier_and_the_frozen_teacher()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, _) = runner.Run("summary", "joint-embedding");

        Assert.Equal(0, exitCode);
        Assert.Contains("Model: DigitClassifier", output);
        Assert.Contains("Model: MirrorAlignment", output);
        Assert.Contains("Trainable params: 1,199,882", output);
        Assert.Contains("Non-trainable params: 1,199,882", output);
        Assert.Contains("Total params: 2,399,764", output);
        Assert.Contains("layer3 (Linear)", output);
    }

    [Fact]
    public void Summary_of_resnet_shows_the_seed_configuration()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, _) = runner.Run("summary", "resnet");

        Assert.Equal(0, exitCode);
        Assert.Contains("Model: ResNet", output);
        Assert.Contains("Trainable params: 11,180,546", output);
        Assert.Contains("Non-trainable params: 7,808", output);
        Assert.Contains("[B, 2]", output);
        Assert.Contains("Model: DigitResNet", output);
    }

    [Fact]
    public void Plot_writes_the_graph_of_every_model_and_says_how()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, _) = runner.Run("plot", "siamese", "--out", runner.OutputRoot);

        Assert.Equal(0, exitCode);
        string directory = Path.Combine(runner.OutputRoot, "siamese");
        foreach (string model in new[] { "SiameseNet", "SiameseTower" })
        {
            string png = Path.Combine(directory, model + ".png"), dot = Path.Combine(directory, model + ".dot");
            Assert.True(File.Exists(png) || File.Exists(dot), $"no graph file for {model}");
            if (File.Exists(dot))
            {
                Assert.StartsWith("digraph " + model, File.ReadAllText(dot));
                Assert.Contains("Graphviz", output);
            }
        }
    }

    [Theory]
    [InlineData(new[] { "summary", "no-such-example" }, "unknown example 'no-such-example'")]
    [InlineData(new[] { "odd-only", "--dataset", "cifar" }, "unknown dataset 'cifar'")]
    [InlineData(new[] { "odd-only", "--dataset", "fashion", "--data", "/no/such/directory" }, "/no/such/directory")]
    [InlineData(new[] { "odd-only", "--data", "/no/such/directory" }, "/no/such/directory")]
    [InlineData(new[] { "odd-only", "--device", "tpu" }, "unknown device 'tpu'")]
    [InlineData(new[] { "odd-only", "--epochs", "zero" }, "zero")]
    [InlineData(new[] { "odd-only", "--precision", "fp16" }, "fp16")]
    [InlineData(new[] { "no-such-command" }, "no-such-command")]
    public void Bad_input_gives_one_clear_line_and_a_failing_exit_code(string[] args, string expected)
    {
        using var runner = new ExampleRunner();

        var (exitCode, _, error) = runner.Run(args);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, error);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }
}
