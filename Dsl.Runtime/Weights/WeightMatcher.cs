using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// Pairs a model's state-dict entries with a file's tensors, by name or in order, after applying a prefix;
/// produces the report (including dtype mismatches, which are copied with a conversion) and the list of copies to
/// make. Touches no tensor data.
/// </summary>
internal static class WeightMatcher
{
    /// <summary>One side's entry: its full name, its name relative to the prefix, and its tensor.</summary>
    private readonly record struct Entry(string Name, string Relative, Tensor Tensor);

    /// <summary>The pairs to copy (model tensor, file tensor) and the report describing the match.</summary>
    public sealed record Plan(IReadOnlyList<(Tensor Target, Tensor Source)> Copies, WeightLoadReport Report);

    /// <summary>
    /// Matches <paramref name="model"/> (state-dict order) with <paramref name="file"/> (file order).
    /// A <paramref name="prefix"/> ("teacher" or "teacher.") selects, on each side that has names starting with
    /// it, only those names and strips it: so a standalone model's file loads into a container's submodule, a
    /// container's file loads into a standalone model, and a submodule loads into the same submodule.
    /// </summary>
    /// <exception cref="ArgumentException">No name on either side starts with the prefix.</exception>
    public static Plan Match(
        string path,
        IReadOnlyList<KeyValuePair<string, Tensor>> model,
        IReadOnlyList<KeyValuePair<string, Tensor>> file,
        bool byName,
        string? prefix)
    {
        var modelView = View(model, prefix, out bool modelHasPrefix);
        var fileView = View(file, prefix, out bool fileHasPrefix);
        if (!string.IsNullOrEmpty(prefix) && !modelHasPrefix && !fileHasPrefix)
        {
            throw new ArgumentException(
                $"Prefix '{Normalize(prefix)}' matches no name in the model or in '{path}'; model names start like '{model.FirstOrDefault().Key}', file names like '{file.FirstOrDefault().Key}'.",
                nameof(prefix));
        }

        return byName ? ByName(path, modelView, fileView) : InOrder(path, modelView, fileView);
    }

    private static Plan ByName(string path, List<Entry> model, List<Entry> file)
    {
        var fileByRelative = file.ToDictionary(e => e.Relative, StringComparer.Ordinal);
        var modelRelatives = new HashSet<string>(model.Select(e => e.Relative), StringComparer.Ordinal);
        var copies = new List<(Tensor, Tensor)>();
        var loaded = new List<string>();
        var missing = new List<string>();
        var mismatches = new List<ShapeMismatch>();
        var dtypes = new List<DTypeMismatch>();
        foreach (var target in model)
        {
            if (!fileByRelative.TryGetValue(target.Relative, out var source))
            {
                missing.Add(target.Name);
            }
            else
            {
                Pair(target, source, copies, loaded, mismatches, dtypes);
            }
        }

        var unexpected = file.Where(e => !modelRelatives.Contains(e.Relative)).Select(e => e.Name).ToList();
        return new Plan(copies, new WeightLoadReport(path, loaded, missing, unexpected, mismatches, dtypes));
    }

    private static Plan InOrder(string path, List<Entry> model, List<Entry> file)
    {
        int paired = Math.Min(model.Count, file.Count);
        var copies = new List<(Tensor, Tensor)>();
        var loaded = new List<string>();
        var mismatches = new List<ShapeMismatch>();
        var dtypes = new List<DTypeMismatch>();
        for (int i = 0; i < paired; i++)
        {
            Pair(model[i], file[i], copies, loaded, mismatches, dtypes);
        }

        var missing = model.Skip(paired).Select(e => e.Name).ToList();
        var unexpected = file.Skip(paired).Select(e => e.Name).ToList();
        return new Plan(copies, new WeightLoadReport(path, loaded, missing, unexpected, mismatches, dtypes));
    }

    /// <summary>
    /// A model entry and the file entry matched with it: a shape mismatch is not copied; a dtype mismatch is copied
    /// (copy_ converts) and reported, so strict loading can refuse it.
    /// </summary>
    private static void Pair(
        Entry target,
        Entry source,
        List<(Tensor, Tensor)> copies,
        List<string> loaded,
        List<ShapeMismatch> mismatches,
        List<DTypeMismatch> dtypes)
    {
        if (!target.Tensor.shape.AsSpan().SequenceEqual(source.Tensor.shape))
        {
            mismatches.Add(new ShapeMismatch(target.Name, source.Name, target.Tensor.shape, source.Tensor.shape));
            return;
        }

        if (target.Tensor.dtype != source.Tensor.dtype)
        {
            dtypes.Add(new DTypeMismatch(target.Name, source.Name, target.Tensor.dtype, source.Tensor.dtype));
        }

        copies.Add((target.Tensor, source.Tensor));
        loaded.Add(target.Name);
    }

    private static List<Entry> View(IReadOnlyList<KeyValuePair<string, Tensor>> entries, string? prefix, out bool hasPrefix)
    {
        hasPrefix = false;
        if (!string.IsNullOrEmpty(prefix))
        {
            string p = Normalize(prefix);
            var selected = entries.Where(e => e.Key.StartsWith(p, StringComparison.Ordinal)).Select(e => new Entry(e.Key, e.Key[p.Length..], e.Value)).ToList();
            if (selected.Count > 0)
            {
                hasPrefix = true;
                return selected;
            }
        }

        return entries.Select(e => new Entry(e.Key, e.Key, e.Value)).ToList();
    }

    private static string Normalize(string prefix) => prefix.EndsWith('.') ? prefix : prefix + ".";
}
