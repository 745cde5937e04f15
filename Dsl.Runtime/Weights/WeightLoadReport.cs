using System.Collections.Generic;
using System.Text;

namespace Dsl.Weights;

/// <summary>
/// What loading a weight file into a model did: which state-dict entries (parameters and buffers) were loaded,
/// which the model has but the file lacks, which the file has but the model lacks, and which differ in shape.
/// </summary>
public sealed class WeightLoadReport
{
    internal WeightLoadReport(
        string path,
        IReadOnlyList<string> loaded,
        IReadOnlyList<string> missing,
        IReadOnlyList<string> unexpected,
        IReadOnlyList<ShapeMismatch> shapeMismatches)
    {
        Path = path;
        Loaded = loaded;
        Missing = missing;
        Unexpected = unexpected;
        ShapeMismatches = shapeMismatches;
    }

    /// <summary>The weight file.</summary>
    public string Path { get; }

    /// <summary>Model names whose values were copied from the file, in state-dict order.</summary>
    public IReadOnlyList<string> Loaded { get; }

    /// <summary>Model names with no tensor in the file (left unchanged), in state-dict order.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>File names that match nothing in the model (ignored), in file order.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Entries found on both sides whose shapes differ (left unchanged).</summary>
    public IReadOnlyList<ShapeMismatch> ShapeMismatches { get; }

    /// <summary>True when every entry matched: nothing missing, unexpected or mismatched.</summary>
    public bool IsExactMatch => Missing.Count == 0 && Unexpected.Count == 0 && ShapeMismatches.Count == 0;

    /// <summary>A summary line, then every missing, unexpected and mismatched name, one a line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"Loaded {Loaded.Count} of {Loaded.Count + Missing.Count + ShapeMismatches.Count} model tensors from '{Path}'");
        text.Append(IsExactMatch ? "; every name matched." : $": {Missing.Count} missing, {Unexpected.Count} unexpected, {ShapeMismatches.Count} shape mismatches.");
        AppendSection(text, "Missing (in the model, not in the file)", Missing);
        AppendSection(text, "Unexpected (in the file, not in the model)", Unexpected);
        AppendSection(text, "Shape mismatches", ShapeMismatches);
        return text.ToString();
    }

    private static void AppendSection<T>(StringBuilder text, string title, IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine().Append(title).Append(':');
        foreach (var item in items)
        {
            text.AppendLine().Append("  ").Append(item);
        }
    }
}
