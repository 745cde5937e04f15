using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Export;

/// <summary>
/// Training beyond one machine for any generated model that declares a loss: <see cref="Write"/> turns the C# module
/// into a PyTorch project (the generated <c>nn.Module</c> source, its current weights, a generic data-parallel
/// training script for torchrun, and the training / test data as named columns), and
/// <see cref="LoadTrainedWeights"/> brings the weights torchrun wrote back into the module by name.
/// </summary>
/// <example>
/// <code>
/// var project = PyTorchProject.Write(model, "pytorch", train, test);
/// Console.WriteLine($"cd {project.Directory} &amp;&amp; {project.TorchrunCommand} --epochs 5");
/// // ... after torchrun has run:
/// PyTorchProject.LoadTrainedWeights(model, "pytorch");
/// </code>
/// </example>
public static class PyTorchProject
{
    /// <summary>The generated module's source (<c>MODEL</c>, <c>compute_loss</c>, safetensors helpers).</summary>
    public const string ModelFile = "model.py";

    /// <summary>The weights the training starts from, and where rank 0 writes the trained ones.</summary>
    public const string WeightsFile = "weights.safetensors";

    /// <summary>The torchrun entry point (<see cref="TrainScript"/>).</summary>
    public const string ScriptFile = "train_ddp.py";

    /// <summary>The training columns (the script's <c>--data</c> default).</summary>
    public const string TrainFile = "train.safetensors";

    /// <summary>The test columns (the script's <c>--test</c> default): rank 0 prints each classification head's accuracy on them.</summary>
    public const string TestFile = "test.safetensors";

    /// <summary>
    /// The torchrun command that trains a written project with two processes on this machine (CPU, gloo), before the
    /// script's own options (<c>--epochs</c>, <c>--batch-size</c>, <c>--lr</c>, <c>--backend nccl</c> on GPUs).
    /// <c>--redirects 1 --tee 1</c> because torch 1.13 on Python 3.11 (Debian 12's python3-torch) cannot parse
    /// torchrun's default <c>"0"</c> for them; newer versions accept them too (rank 0's lines start with <c>[default0]:</c>).
    /// </summary>
    public const string TorchrunCommand = "torchrun --standalone --nproc_per_node=2 --redirects 1 --tee 1 " + ScriptFile;

    /// <summary>The generic data-parallel training script (DDP under torchrun) that <see cref="Write"/> puts beside <c>model.py</c>.</summary>
    public static string TrainScript { get; } = ReadScript();

    /// <summary>
    /// Writes the PyTorch project of <paramref name="model"/> into <paramref name="directory"/> (created when missing;
    /// files of an earlier project are replaced, each atomically): <c>model.py</c>, <c>weights.safetensors</c> (the
    /// module's weights now, by state-dict name), <c>train_ddp.py</c>, and <c>train.safetensors</c> /
    /// <c>test.safetensors</c> holding the columns of <paramref name="train"/> / <paramref name="test"/> the model
    /// reads (its inputs, targets and masks; other columns are left out).
    /// </summary>
    /// <param name="model">A generated model with a loss (<see cref="ITrainableModel"/>).</param>
    /// <param name="directory">The project folder.</param>
    /// <param name="train">The training data; without it, pass the script <c>--data FILE</c> (named columns, e.g. written with <see cref="WeightFile.Write"/>).</param>
    /// <param name="test">Data to report accuracy on after training; optional.</param>
    /// <exception cref="ArgumentException">
    /// The model declares no loss or is not a generated model, the folder is a file, or a dataset lacks a column the
    /// model reads or holds one of the wrong shape or dtype (the message names it and what the model expects).
    /// </exception>
    public static PyTorchProjectFiles Write(nn.Module model, string directory, TensorDataset? train = null, TensorDataset? test = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (model is not ITrainableModel trainable)
        {
            throw new ArgumentException(
                $"{model.GetType().Name} declares no loss, so torchrun has nothing to minimize: add g.Loss(...) to its Define (PyTorch export of the forward pass alone is its PyTorchSource).",
                nameof(model));
        }

        string source = SourceOf(model.GetType());
        if (File.Exists(directory))
        {
            throw new ArgumentException($"'{directory}' is a file; the PyTorch project needs a folder there (a new or existing directory).", nameof(directory));
        }

        var columns = ColumnsOf(trainable.ModelInfo);
        Check(trainable, model, train, nameof(train), columns);
        Check(trainable, model, test, nameof(test), columns);

        string full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var written = new List<string>();
        WriteText(full, ModelFile, source, written);
        model.SaveWeights(Path.Combine(full, WeightsFile), new Dictionary<string, string> { ["model"] = trainable.ModelInfo.Name });
        written.Add(WeightsFile);
        WriteText(full, ScriptFile, TrainScript, written);
        WriteColumns(full, TrainFile, train, columns, written);
        WriteColumns(full, TestFile, test, columns, written);
        return new PyTorchProjectFiles(full, written, TorchrunCommand);
    }

    /// <summary>
    /// Loads the weights a torchrun training wrote (<c>weights.safetensors</c> in <paramref name="directory"/>, or the
    /// file given to the script's <c>--out</c>) into <paramref name="model"/> by name, strictly: every parameter and
    /// buffer must be there with its shape.
    /// </summary>
    /// <returns>What was loaded (<see cref="WeightLoadReport.IsExactMatch"/> is true after a strict load).</returns>
    /// <exception cref="FileNotFoundException">No weights file there: has torchrun run?</exception>
    public static WeightLoadReport LoadTrainedWeights(nn.Module model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        string path = Directory.Exists(directory) ? Path.Combine(directory, WeightsFile) : directory;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No trained weights at '{path}': write the project with PyTorchProject.Write and run '{TorchrunCommand}' in its folder first.", path);
        }

        return model.LoadWeights(path, strict: true);
    }

    /// <summary>The column names a model reads: inputs, then targets and masks, in declaration order.</summary>
    internal static IReadOnlyList<string> ColumnsOf(ModelInfo info) =>
        info.Inputs.Select(i => i.Name)
            .Concat(info.Targets.Select(t => t.Name))
            .Concat(info.Losses.Select(l => l.Mask).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static string SourceOf(Type type)
    {
        var field = type.GetField("PyTorchSource", BindingFlags.Public | BindingFlags.Static);
        return field?.GetValue(null) as string
            ?? throw new ArgumentException(
                $"{type.Name} has no generated PyTorchSource: pass the module of a [Model] class built by the Dsl generator.", "model");
    }

    /// <summary>
    /// Checks that <paramref name="data"/> holds every column the model reads, then runs one sample through the model's
    /// own input and target checks (eval mode, no gradients, training mode restored), so a wrong shape or dtype is
    /// reported here in C# rather than by a Python traceback on every torchrun process.
    /// </summary>
    private static void Check(ITrainableModel trainable, nn.Module model, TensorDataset? data, string parameter, IReadOnlyList<string> columns)
    {
        if (data is null)
        {
            return;
        }

        var missing = columns.Where(c => !data.Columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"The {parameter} data has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}: {trainable.ModelInfo.Name} reads " +
                $"{string.Join(", ", columns.Select(c => $"'{c}'"))}; its columns are {string.Join(", ", data.Columns.Keys.Select(c => $"'{c}'"))} " +
                $"(build it with {trainable.ModelInfo.Name}.Dataset(...) to get the names right).",
                parameter);
        }

        if (data.Count == 0)
        {
            throw new ArgumentException($"The {parameter} data has no samples.", parameter);
        }

        bool training = model.training;
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.eval();
            using var step = trainable.Step(data.GetBatch(new[] { 0L }));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The {parameter} data does not fit {trainable.ModelInfo.Name}: {e.Message}", parameter, e);
        }
        finally
        {
            model.train(training);
        }
    }

    private static void WriteColumns(string directory, string name, TensorDataset? data, IReadOnlyList<string> columns, List<string> written)
    {
        if (data is null)
        {
            return;
        }

        WeightFile.Write(Path.Combine(directory, name), columns.Select(c => new KeyValuePair<string, Tensor>(c, data.Columns[c])));
        written.Add(name);
    }

    private static void WriteText(string directory, string name, string text, List<string> written)
    {
        AtomicFile.Write(Path.Combine(directory, name), stream => stream.Write(Encoding.UTF8.GetBytes(text)));
        written.Add(name);
    }

    private static string ReadScript()
    {
        using var stream = typeof(PyTorchProject).Assembly.GetManifestResourceStream("Dsl.Export.train_ddp.py")
            ?? throw new InvalidOperationException("train_ddp.py is not embedded in Dsl.Runtime.dll (a packaging error).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
