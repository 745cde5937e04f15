using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Dsl.Tests.Shared;
using Dsl.Weights;
using Examples.Models;
using Examples.PyTorch;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Examples.Tests;

/// <summary>
/// <c>export-pytorch</c> and <c>import-pytorch</c>: the scale-out recipe of the README run for real. Seed 000's
/// classifier is exported, trained by torchrun with two DDP processes (gloo, CPU) on a few hundred embedded digits,
/// and its weights come back into the C# module by name, where the accuracy on the same test digits equals the one
/// PyTorch printed.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class PyTorchExportTests
{
    private readonly ITestOutputHelper output;

    public PyTorchExportTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void The_classifier_trained_by_torchrun_loads_back_by_name_with_the_accuracy_pytorch_printed()
    {
        using var runner = new ExampleRunner();
        string directory = Path.Combine(runner.OutputRoot, "pytorch");
        var export = runner.Run("export-pytorch", "joint-embedding", "--out", directory, "--limit", "400", "--test", "200", "--seed", "3");
        Assert.True(export.ExitCode == 0, export.Error + export.Output);
        Assert.Contains("DigitClassifier: wrote model.py, weights.safetensors, train_ddp.py, train.safetensors, test.safetensors", Flat(export.Output), StringComparison.Ordinal);
        byte[] exported = File.ReadAllBytes(Path.Combine(directory, "weights.safetensors"));
        Assert.Contains($"&& {PyTorchExport.TorchrunCommand} --epochs 1", Flat(export.Output), StringComparison.Ordinal);

        // The command the CLI printed, run as a module: Debian 12's torch 1.13 on Python 3.11 cannot parse torchrun's
        // default --redirects / --tee "0" (its Std flag lookup misses NONE), so the command redirects and tees stdout,
        // which also prefixes each line with the rank.
        string[] torchrun = PyTorchExport.TorchrunCommand.Split(' ');
        Assert.Equal("torchrun", torchrun[0]);
        string printed = PythonTorch.RunModule(directory, "torch.distributed.run", torchrun.Skip(1).Concat(new[] { "--epochs", "2", "--batch-size", "25" }).ToArray());
        output.WriteLine(printed);
        Assert.Equal(2, Regex.Matches(printed, @"epoch \d/2: loss [\d.]+ over 400 samples on 2 processes").Count);
        var accuracy = Regex.Match(printed, @"accuracy label ([\d.]+) \((\d+) of (\d+)\)");
        Assert.True(accuracy.Success, printed);
        long pyTorchCorrect = long.Parse(accuracy.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("200", accuracy.Groups[3].Value);
        Assert.False(exported.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(directory, "weights.safetensors"))), "torchrun did not write trained weights");

        // The weights PyTorch trained, loaded by name into the generated TorchSharp module; the accuracy computed here.
        using var model = new DigitClassifier();
        var report = model.LoadWeights(Path.Combine(directory, "weights.safetensors"), strict: true);
        Assert.True(report.IsExactMatch, report.ToString());
        model.eval();
        using var test = WeightFile.Read(Path.Combine(directory, "test.safetensors"));
        long correct;
        using (no_grad())
        using (var logits = model.Forward(test["image"]).Logits)
        {
            correct = logits.argmax(1).eq(test["label"]).sum().item<long>();
        }

        output.WriteLine($"C#: {correct} of 200 correct; PyTorch: {pyTorchCorrect} of 200");
        Assert.Equal(pyTorchCorrect, correct);
        Assert.True(correct > 60, $"two epochs on 400 digits should beat chance (20 of 200) clearly, but {correct} of 200 are right");

        var import = runner.Run("import-pytorch", "joint-embedding", "--dir", directory);
        Assert.True(import.ExitCode == 0, import.Error + import.Output);
        Assert.Contains($"accuracy label {accuracy.Groups[1].Value} ({correct} of 200)", import.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_does_not_read_digits_and_classes_is_exported_without_data_and_says_which_columns_train_ddp_needs()
    {
        using var runner = new ExampleRunner();
        string directory = Path.Combine(runner.OutputRoot, "siamese");
        var export = runner.Run("export-pytorch", "siamese", "--out", directory);
        Assert.True(export.ExitCode == 0, export.Error + export.Output);
        Assert.Equal(new[] { "model.py", "train_ddp.py", "weights.safetensors" }, Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("give train_ddp.py --data and --test files holding its columns (left, right, same)", Flat(export.Output), StringComparison.Ordinal);
        Assert.Contains("class SiameseTower(nn.Module):", File.ReadAllText(Path.Combine(directory, "model.py")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_is_an_error_that_lists_the_examples_and_models()
    {
        using var runner = new ExampleRunner();
        var export = runner.Run("export-pytorch", "joint-embedding", "--model", "Nope", "--out", Path.Combine(runner.OutputRoot, "x"));
        Assert.Equal(1, export.ExitCode);
        Assert.Contains("example 'joint-embedding' has no model 'Nope'; its models are: DigitClassifier, MirrorAlignment", export.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_and_train_ddp_show_the_torchrun_command_the_cli_prints()
    {
        Assert.Contains("--redirects 1 --tee 1", PyTorchExport.TorchrunCommand, StringComparison.Ordinal);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "dsl.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, $"dsl.sln not found above {AppContext.BaseDirectory}");
        string readme = File.ReadAllText(Path.Combine(root.FullName, "README.md"));
        Assert.Contains("\n" + PyTorchExport.TorchrunCommand + " --epochs 2 --batch-size 32\n", readme, StringComparison.Ordinal);
        Assert.Contains("    " + PyTorchExport.TorchrunCommand + " --epochs 2\n", Dsl.Export.PyTorchProject.TrainScript, StringComparison.Ordinal);
    }

    /// <summary>The console wraps long lines: the output as one line.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s*\n\s*", " ");
}
