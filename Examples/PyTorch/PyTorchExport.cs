using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace Examples.PyTorch;

/// <summary>
/// A generated model as a PyTorch project: <c>model.py</c> (the generated <c>PyTorchSource</c>), <c>weights.safetensors</c>,
/// <c>train_ddp.py</c> (torchrun, DDP) and, for models that read digits and class indices only, the embedded digits as
/// <c>train.safetensors</c> / <c>test.safetensors</c> (named columns: the model's inputs and targets); and the way back:
/// the trained weights loaded into the C# module by name, with the accuracy of each classification head on the same
/// test columns.
/// </summary>
public static class PyTorchExport
{
    /// <summary>The files <see cref="Write"/> writes, in order.</summary>
    public static readonly string[] Files = { "model.py", "weights.safetensors", "train_ddp.py", "train.safetensors", "test.safetensors" };

    /// <summary>The generated model classes of this assembly (those with a <c>PyTorchSource</c>), by class name.</summary>
    public static IReadOnlyDictionary<string, Type> Models { get; } = typeof(PyTorchExport).Assembly.GetTypes()
        .Where(t => typeof(nn.Module).IsAssignableFrom(t) && t.GetField("PyTorchSource", BindingFlags.Public | BindingFlags.Static) is not null)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The generated metadata of a model class.</summary>
    public static ModelInfo InfoOf(Type model) => (ModelInfo)model.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>A fresh module of a model class (its constructor's default name: the class name).</summary>
    public static nn.Module Create(Type model) => (nn.Module)Activator.CreateInstance(model, model.Name)!;

    /// <summary>
    /// Writes the export of <paramref name="module"/> (a <paramref name="model"/>) into <paramref name="directory"/>;
    /// returns the names of the files written (the data files only where the model's columns are digits and class indices).
    /// </summary>
    /// <param name="model">The generated model class.</param>
    /// <param name="module">Its module, with the weights to export.</param>
    /// <param name="directory">Where to write (created when missing).</param>
    /// <param name="trainCount">Training digits to write (the first of the embedded training split).</param>
    /// <param name="testCount">Test digits to write (the first of the embedded test split).</param>
    public static IReadOnlyList<string> Write(Type model, nn.Module module, string directory, int trainCount, int testCount)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Text(string name, string text)
        {
            AtomicText(Path.Combine(directory, name), text);
            written.Add(name);
        }

        Text("model.py", (string)model.GetField("PyTorchSource")!.GetValue(null)!);
        module.SaveWeights(Path.Combine(directory, "weights.safetensors"), new Dictionary<string, string> { ["model"] = model.Name });
        written.Add("weights.safetensors");
        Text("train_ddp.py", TrainScript());

        var info = InfoOf(model);
        if (DigitColumns(info) is { } columns)
        {
            using var digits = MnistData.Load(DataSource.Embedded);
            using var split = digits.Split();
            WriteColumns(Path.Combine(directory, "train.safetensors"), info, columns, split.Train, trainCount);
            WriteColumns(Path.Combine(directory, "test.safetensors"), info, columns, split.Test, testCount);
            written.Add("train.safetensors");
            written.Add("test.safetensors");
        }

        return written;
    }

    /// <summary>
    /// The input and target of a model that reads one 28 x 28 digit and class indices (<c>("image", "label")</c>), or
    /// null for other models, whose training data train_ddp.py needs to be given (<c>--data</c>).
    /// </summary>
    public static (string Input, string Target)? DigitColumns(ModelInfo info)
    {
        bool digit = info.Inputs.Count == 1 && Elements(info.Inputs[0].Shape) == 784 && info.Inputs[0].DType == "float32";
        bool classes = info.Targets.Count == 1 && info.Targets[0].DType == "int64" && info.Targets[0].Shape == "[B]";
        return digit && classes ? (info.Inputs[0].Name, info.Targets[0].Name) : null;
    }

    /// <summary>
    /// The accuracy of each classification head of <paramref name="module"/> on the columns in <paramref name="path"/>
    /// (eval mode): head (target name) to (correct, count).
    /// </summary>
    public static IReadOnlyDictionary<string, (long Correct, long Count)> Accuracy(nn.Module module, ModelInfo info, string path)
    {
        using var file = WeightFile.Read(path);
        var columns = file.Tensors.ToDictionary(t => t.Key, t => t.Value);
        long count = columns.Values.First().shape[0];
        var result = info.Losses.Where(l => l.IsClassification && l.Target is not null).ToDictionary(l => l.Target!, _ => (Correct: 0L, Count: count));
        module.eval();
        using var _ = no_grad();
        for (long start = 0; start < count; start += 256)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(256, count - start);
            var batch = columns.ToDictionary(c => c.Key, c => c.Value.narrow(0, start, size));
            using var step = ((ITrainableModel)module).Step(batch);
            foreach (var loss in info.Losses.Where(l => l.IsClassification && l.Target is not null))
            {
                long correct = step.Outputs[loss.Prediction].argmax(1).eq(batch[loss.Target!]).sum().item<long>();
                result[loss.Target!] = (result[loss.Target!].Correct + correct, count);
            }
        }

        return result;
    }

    /// <summary>
    /// The torchrun command that trains an exported project with two processes on this machine, before the script's own
    /// options: what the CLI prints after <c>export-pytorch</c>, the README shows and <c>PyTorchExportTests</c> runs.
    /// <c>--redirects 1 --tee 1</c> because Debian 12's torch 1.13 on Python 3.11 cannot parse torchrun's default
    /// <c>"0"</c> for them (rank 0's lines then start with <c>[default0]:</c>).
    /// </summary>
    public const string TorchrunCommand = "torchrun --standalone --nproc_per_node=2 --redirects 1 --tee 1 train_ddp.py";

    /// <summary>The torchrun entry point (embedded from <c>Examples/PyTorch/train_ddp.py</c>).</summary>
    public static string TrainScript()
    {
        using var stream = typeof(PyTorchExport).Assembly.GetManifestResourceStream("Examples.PyTorch.train_ddp.py")
            ?? throw new InvalidOperationException("train_ddp.py is not embedded in Examples.dll");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void WriteColumns(string path, ModelInfo info, (string Input, string Target) columns, MnistData data, int count)
    {
        int n = Math.Min(count, data.Count);
        // The digits in the shape the model reads ([1, 28, 28], [28, 28] or [784]).
        var inputShape = new[] { (long)n }.Concat(info.Inputs[0].Shape.Trim('[', ']').Split(',').Skip(1).Select(d => long.Parse(d.Trim(), System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        using var images = data.Images.narrow(0, 0, n).reshape(inputShape);
        using var labels = data.Labels.narrow(0, 0, n);
        WeightFile.Write(path, new Dictionary<string, Tensor> { [columns.Input] = images, [columns.Target] = labels });
    }

    private static long Elements(string shape) =>
        shape.Trim('[', ']').Split(',').Skip(1).Aggregate(1L, (product, d) => long.TryParse(d.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long size) ? product * size : -1);

    private static void AtomicText(string path, string text) => Cli.AtomicFiles.Write(path, System.Text.Encoding.UTF8.GetBytes(text));
}
