using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// Saves a module's weights (its state dict: parameters and persistent buffers such as BatchNorm running
/// statistics) and loads them back, in TorchSharp's format, safetensors or PyTorch's <c>.pt</c> / <c>.pth</c> state dicts, chosen by the file extension.
/// </summary>
/// <example>
/// <code>
/// using var model = new DigitClassifier();
/// model.SaveWeights("out/digits.safetensors");
///
/// using var fresh = new DigitClassifier();
/// var report = fresh.LoadWeights("out/digits.safetensors", strict: true);
/// Console.WriteLine(report); // Loaded 8 of 8 model tensors from 'out/digits.safetensors'; every name matched.
///
/// // A standalone model's weights into the submodule registered as "teacher":
/// joint.LoadWeights("out/digits.safetensors", prefix: "teacher");
/// </code>
/// </example>
public static class ModelWeights
{
    /// <summary>
    /// Writes <paramref name="module"/>'s state dict to <paramref name="path"/> atomically (temporary file +
    /// rename): <c>.safetensors</c> writes safetensors, any other extension TorchSharp's format, which
    /// <c>nn.Module.load</c> reads.
    /// </summary>
    /// <param name="module">The module whose parameters and buffers are saved (any device).</param>
    /// <param name="path">The target file.</param>
    /// <param name="metadata">Safetensors <c>__metadata__</c> strings (e.g. the model name); not allowed for TorchSharp files.</param>
    public static void Save(nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        WeightFile.Write(path, module.state_dict(), metadata);
    }

    /// <summary>Writes the module's state dict to <paramref name="path"/>; see <see cref="Save"/>.</summary>
    public static void SaveWeights(this nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        Save(module, path, metadata);

    /// <summary>Reads <paramref name="path"/> and loads it into <paramref name="module"/>; see <see cref="LoadWeights(nn.Module, WeightFile, bool, bool, string?)"/>.</summary>
    /// <exception cref="System.IO.FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="WeightFileException">The file is corrupt or uses an unsupported dtype.</exception>
    public static WeightLoadReport Load(nn.Module module, string path, bool byName = true, bool strict = false, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var file = WeightFile.Read(path);
        return LoadWeights(module, file, byName, strict, prefix);
    }

    /// <summary>Reads <paramref name="path"/> and loads it into the module; see <see cref="LoadWeights(nn.Module, WeightFile, bool, bool, string?)"/>.</summary>
    public static WeightLoadReport LoadWeights(this nn.Module module, string path, bool byName = true, bool strict = false, string? prefix = null) =>
        Load(module, path, byName, strict, prefix);

    /// <summary>
    /// Copies the tensors of <paramref name="file"/> into the module's parameters and buffers in place (under
    /// <c>no_grad</c>, converting dtype and device), so the module keeps its tensor objects and optimizers that hold
    /// them see the new values.
    /// </summary>
    /// <param name="module">The module to load into.</param>
    /// <param name="file">The tensors to load.</param>
    /// <param name="byName">
    /// True: match state-dict names. False: match in order (model state-dict order against file order), as Keras'
    /// <c>by_name=False</c>; the counts and every shape must then be equal, or a <see cref="WeightLoadException"/>
    /// is thrown (dtypes follow <paramref name="strict"/>).
    /// </param>
    /// <param name="strict">
    /// True: throw a <see cref="WeightLoadException"/> listing every missing, unexpected and mismatched name unless
    /// all match in name, shape and dtype, loading nothing. False: load what matches in shape, converting values of
    /// another dtype to the model's (reported in <see cref="WeightLoadReport.DTypeMismatches"/>), and report the rest.
    /// </param>
    /// <param name="prefix">
    /// Selects and strips a prefix (<c>"teacher"</c> or <c>"teacher."</c>) on each side whose names have it: a
    /// standalone model's file loads into the submodule registered as <c>teacher</c> (only that submodule's names
    /// are matched), and a container's file loads its <c>teacher.*</c> tensors into a standalone model.
    /// </param>
    /// <returns>What was loaded, missing, unexpected and mismatched.</returns>
    public static WeightLoadReport LoadWeights(this nn.Module module, WeightFile file, bool byName = true, bool strict = false, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(file);
        if (!byName && file.Format == WeightFormat.PyTorch)
        {
            throw new ArgumentException(
                $"In-order loading (byName: false) needs the tensors in the order they were saved, which a PyTorch file ('{file.Path}') read through " +
                "TorchSharp.PyBridge does not keep: load it by name (the default), with prefix: where the names differ by a submodule.",
                nameof(byName));
        }

        var modelEntries = module.state_dict().ToList();
        var plan = WeightMatcher.Match(file.Path, modelEntries, file.Tensors, byName, prefix);
        if (!plan.Report.PairsEveryEntry && !byName)
        {
            throw new WeightLoadException($"In-order loading needs the same number of tensors with the same shapes in the model and in '{file.Path}'", plan.Report);
        }

        if (!plan.Report.IsExactMatch && strict)
        {
            throw new WeightLoadException($"The weights in '{file.Path}' do not match the model exactly (strict loading)", plan.Report);
        }

        if (plan.Report.Loaded.Count == 0 && modelEntries.Count > 0)
        {
            throw new WeightLoadException(
                $"No tensor of '{file.Path}' ({file.Tensors.Count} tensors) matches the model's {modelEntries.Count} entries by name and shape, " +
                $"so loading would change nothing{PrefixHint(modelEntries, file.Tensors, prefix)}",
                plan.Report);
        }

        plan.Report.NonFinite = NonFiniteWeights.Find(plan.Copies.Select((copy, i) => new KeyValuePair<string, Tensor>(plan.Report.Loaded[i], copy.Source)));
        if (plan.Report.NonFinite.Count > 0)
        {
            if (strict)
            {
                throw new WeightLoadException($"The weights in '{file.Path}' hold NaN or infinity (strict loading refuses them)", plan.Report);
            }

            Console.Error.WriteLine(
                $"warning: the weights loaded from '{file.Path}' hold NaN or infinity, so the model will compute NaN: {NonFiniteWeights.List(plan.Report.NonFinite)}");
        }

        using var scope = torch.NewDisposeScope();
        using (torch.no_grad())
        {
            foreach (var (target, source) in plan.Copies)
            {
                target.copy_(source);
            }
        }

        return plan.Report;
    }

    /// <summary>A hint when the two sides' names differ by a submodule prefix: "; the file's names start with 'teacher.': pass prefix: ...".</summary>
    private static string PrefixHint(IReadOnlyList<KeyValuePair<string, Tensor>> model, IReadOnlyList<KeyValuePair<string, Tensor>> file, string? prefix)
    {
        if (!string.IsNullOrEmpty(prefix) || model.Count == 0 || file.Count == 0)
        {
            return ". Compare the names below; a file for another model does not load into this one";
        }

        foreach (var (modelName, _) in model)
        {
            foreach (var (fileName, _) in file)
            {
                if (fileName.EndsWith("." + modelName, StringComparison.Ordinal))
                {
                    return $". The file's names carry a prefix the model's lack ('{fileName}' for '{modelName}'): pass prefix: \"{fileName[..^(modelName.Length + 1)]}\"";
                }

                if (modelName.EndsWith("." + fileName, StringComparison.Ordinal))
                {
                    return $". The model's names carry a prefix the file's lack ('{modelName}' for '{fileName}'): pass prefix: \"{modelName[..^(fileName.Length + 1)]}\" to load it into that submodule";
                }
            }
        }

        return ". Compare the names below; a file for another model does not load into this one";
    }
}
