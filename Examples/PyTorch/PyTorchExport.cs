using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Dsl.Data;
using Dsl.Export;
using Dsl.Metadata;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace Examples.PyTorch;

/// <summary>
/// An example's model as a PyTorch project, written by the library's <see cref="PyTorchProject"/>: <c>model.py</c>,
/// <c>weights.safetensors</c>, <c>train_ddp.py</c> (torchrun, DDP) and, for models that read digits and class indices only,
/// the embedded digits as <c>train.safetensors</c> / <c>test.safetensors</c>; and the way back:
/// the trained weights loaded into the C# module by name, with the accuracy of each classification head on the same
/// test columns.
/// </summary>
public static class PyTorchExport
{
    /// <summary>The generated model classes of this assembly (those with a <c>PyTorchSource</c>), by class name.</summary>
    public static IReadOnlyDictionary<string, Type> Models { get; } = typeof(PyTorchExport).Assembly.GetTypes()
        .Where(t => typeof(nn.Module).IsAssignableFrom(t) && t.GetField("PyTorchSource", BindingFlags.Public | BindingFlags.Static) is not null)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The generated metadata of a model class.</summary>
    public static ModelInfo InfoOf(Type model) => (ModelInfo)model.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>A fresh module of a model class (its constructor's default name: the class name).</summary>
    public static nn.Module Create(Type model) => (nn.Module)Activator.CreateInstance(model, model.Name)!;

    /// <summary>
    /// Writes the export of <paramref name="module"/> (a <paramref name="model"/>) into <paramref name="directory"/> with
    /// <see cref="PyTorchProject.Write"/>; returns the names of the files written (the data files only where the model's
    /// columns are digits and class indices).
    /// </summary>
    /// <param name="model">The generated model class.</param>
    /// <param name="module">Its module, with the weights to export.</param>
    /// <param name="directory">Where to write (created when missing).</param>
    /// <param name="trainCount">Training digits to write (the first of the embedded training split).</param>
    /// <param name="testCount">Test digits to write (the first of the embedded test split).</param>
    public static IReadOnlyList<string> Write(Type model, nn.Module module, string directory, int trainCount, int testCount)
    {
        var info = InfoOf(model);
        if (DigitColumns(info) is not { } columns)
        {
            return PyTorchProject.Write(module, directory).Files;
        }

        using var digits = MnistData.Load(DataSource.Embedded);
        using var split = digits.Split();
        using var train = Digits(info, columns, split.Train, trainCount);
        using var test = Digits(info, columns, split.Test, testCount);
        return PyTorchProject.Write(module, directory, train, test).Files;
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

    /// <summary>The torchrun command the CLI prints after <c>export-pytorch</c> (<see cref="PyTorchProject.TorchrunCommand"/>).</summary>
    public const string TorchrunCommand = PyTorchProject.TorchrunCommand;

    /// <summary>The first <paramref name="count"/> digits of <paramref name="data"/> in the shape the model reads ([1, 28, 28], [28, 28] or [784]).</summary>
    private static TensorDataset Digits(ModelInfo info, (string Input, string Target) columns, MnistData data, int count)
    {
        int n = Math.Min(count, data.Count);
        var inputShape = new[] { (long)n }.Concat(info.Inputs[0].Shape.Trim('[', ']').Split(',').Skip(1).Select(d => long.Parse(d.Trim(), System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        // The dataset owns (and disposes) the two columns.
        return TensorDataset.Of((columns.Input, data.Images.narrow(0, 0, n).reshape(inputShape)), (columns.Target, data.Labels.narrow(0, 0, n)));
    }

    private static long Elements(string shape) =>
        shape.Trim('[', ']').Split(',').Skip(1).Aggregate(1L, (product, d) => long.TryParse(d.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long size) ? product * size : -1);
}
