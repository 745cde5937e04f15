using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Dsl.Data;
using Dsl.Export;
using Dsl.Tests.Shared;
using Dsl.Weights;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// <see cref="PyTorchProject"/>: the PyTorch project of a model that is not one of the Examples (two heads, a masked
/// loss, feature vectors), trained by a 2-process torchrun on the CPU (python3-torch, gloo) and read back by name;
/// and the errors for data or models it cannot train.
/// </summary>
public sealed class PyTorchProjectTests : IDisposable
{
    private readonly ITestOutputHelper output;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dsl-pytorch-project-" + Guid.NewGuid().ToString("N"));

    public PyTorchProjectTests(ITestOutputHelper output) => this.output = output;

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Learnable data: the class is the arg max of the first three features, the target their sum; a third of the targets unknown.</summary>
    private static TensorDataset Data(int count, ulong seed, bool extraColumn = false)
    {
        var generator = new Generator(seed);
        var features = randn(new long[] { count, 8 }, generator: generator);
        var label = features.narrow(1, 0, 3).argmax(1);
        var target = features.narrow(1, 0, 3).sum(1, keepdim: true);
        var known = (arange(count) % 3 != 0).to(float32);
        return extraColumn
            ? TensorDataset.Of(("features", features), ("label", label), ("target", target), ("known", known), ("id", arange(count)))
            : TensorDataset.Of(("features", features), ("label", label), ("target", target), ("known", known));
    }

    [Fact]
    public void A_two_process_torchrun_trains_the_written_project_and_the_weights_load_back_by_name()
    {
        manual_seed(5);
        using var model = new ScaleOutNet();
        using var train = Data(384, seed: 1, extraColumn: true);
        using var test = Data(128, seed: 2);

        var project = PyTorchProject.Write(model, directory, train, test);
        Assert.Equal(Path.GetFullPath(directory), project.Directory);
        Assert.Equal(new[] { "model.py", "weights.safetensors", "train_ddp.py", "train.safetensors", "test.safetensors" }, project.Files);
        using (var columns = WeightFile.Read(Path.Combine(directory, "train.safetensors")))
        {
            // The columns the model reads, not the dataset's extra 'id'.
            Assert.Equal(new[] { "features", "known", "label", "target" }, columns.Tensors.Select(t => t.Key).Order(StringComparer.Ordinal));
        }

        byte[] before = File.ReadAllBytes(Path.Combine(directory, "weights.safetensors"));
        string[] command = project.TorchrunCommand.Split(' ');
        Assert.Equal("torchrun", command[0]);
        string printed = PythonTorch.RunModule(directory, "torch.distributed.run", command.Skip(1).Concat(new[] { "--epochs", "3", "--batch-size", "32", "--lr", "0.01" }).ToArray());
        output.WriteLine(printed);
        var losses = Regex.Matches(printed, @"epoch \d/3: loss ([\d.]+) over 384 samples on 2 processes").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, losses.Length);
        Assert.True(losses[2] < losses[0], $"the loss should fall over three epochs: {string.Join(", ", losses)}");
        var accuracy = Regex.Match(printed, @"accuracy label ([\d.]+) \((\d+) of 128\)");
        Assert.True(accuracy.Success, printed);
        Assert.False(before.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(directory, "weights.safetensors"))), "torchrun wrote no trained weights");

        var report = PyTorchProject.LoadTrainedWeights(model, directory);
        Assert.True(report.IsExactMatch, report.ToString());
        model.eval();
        long correct;
        using (no_grad())
        using (var logits = model.Forward(test.Columns["features"]).Logits)
        {
            correct = logits.argmax(1).eq(test.Columns["label"]).sum().item<long>();
        }

        Assert.Equal(accuracy.Groups[2].Value, correct.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Without_data_the_project_has_the_model_weights_and_script_only()
    {
        using var model = new ScaleOutNet();
        var project = PyTorchProject.Write(model, directory);
        Assert.Equal(new[] { "model.py", "weights.safetensors", "train_ddp.py" }, project.Files);
        Assert.Contains("class ScaleOutNet(nn.Module):", File.ReadAllText(Path.Combine(directory, "model.py")), StringComparison.Ordinal);
        Assert.Equal(PyTorchProject.TrainScript, File.ReadAllText(Path.Combine(directory, "train_ddp.py")));
    }

    [Fact]
    public void Data_without_a_column_the_model_reads_is_refused_before_anything_is_written()
    {
        using var model = new ScaleOutNet();
        var generator = new Generator(3);
        using var data = TensorDataset.Of(("features", randn(new long[] { 4, 8 }, generator: generator)), ("label", zeros(4, ScalarType.Int64)));
        var error = Assert.Throws<ArgumentException>(() => PyTorchProject.Write(model, directory, data));
        Assert.StartsWith("The train data has no column 'target', 'known': ScaleOutNet reads 'features', 'label', 'target', 'known'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void A_column_of_the_wrong_shape_is_refused_with_the_models_own_check()
    {
        using var model = new ScaleOutNet();
        using var data = TensorDataset.Of(("features", ones(4, 7)), ("label", zeros(4, ScalarType.Int64)), ("target", ones(4, 1)), ("known", ones(4)));
        var error = Assert.Throws<ArgumentException>(() => PyTorchProject.Write(model, directory, test: data));
        Assert.StartsWith("The test data does not fit ScaleOutNet: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("features", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
        Assert.True(model.training, "the check restores training mode");
    }

    [Fact]
    public void A_model_without_a_loss_and_a_file_in_place_of_the_folder_are_clear_errors()
    {
        using var encoder = new Dsl.Runtime.Tests.Export.ScaleOutEncoder();
        var noLoss = Assert.Throws<ArgumentException>(() => PyTorchProject.Write(encoder, directory));
        Assert.Contains("declares no loss, so torchrun has nothing to minimize: add g.Loss(...)", noLoss.Message, StringComparison.Ordinal);

        File.WriteAllText(directory, "not a folder");
        try
        {
            using var model = new ScaleOutNet();
            var file = Assert.Throws<ArgumentException>(() => PyTorchProject.Write(model, directory));
            Assert.Contains("is a file; the PyTorch project needs a folder there", file.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(directory);
        }
    }

    [Fact]
    public void Reading_back_before_torchrun_ran_says_what_to_run()
    {
        using var model = new ScaleOutNet();
        Directory.CreateDirectory(directory);
        var error = Assert.Throws<FileNotFoundException>(() => PyTorchProject.LoadTrainedWeights(model, directory));
        Assert.Contains($"run '{PyTorchProject.TorchrunCommand}' in its folder first", error.Message, StringComparison.Ordinal);
    }
}
