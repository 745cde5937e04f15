using System.Collections.Generic;
using System.Text;

namespace Dsl.Weights;

/// <summary>
/// What loading a weight file into a model did: which state-dict entries (parameters and buffers) were loaded,
/// which the model has but the file lacks, which the file has but the model lacks, which differ in shape (not
/// loaded), and which differ in dtype (converted to the model's dtype by a non-strict load, refused by a strict one).
/// </summary>
public sealed class WeightLoadReport
{
    internal WeightLoadReport(
        string path,
        IReadOnlyList<string> loaded,
        IReadOnlyList<string> missing,
        IReadOnlyList<string> unexpected,
        IReadOnlyList<ShapeMismatch> shapeMismatches,
        IReadOnlyList<DTypeMismatch> dtypeMismatches)
    {
        Path = path;
        Loaded = loaded;
        Missing = missing;
        Unexpected = unexpected;
        ShapeMismatches = shapeMismatches;
        DTypeMismatches = dtypeMismatches;
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

    /// <summary>
    /// Entries of the same shape whose dtypes differ (e.g. an int32 tensor in the file for a float32 parameter).
    /// They are in <see cref="Loaded"/>: a non-strict load converts the values to the model's dtype.
    /// </summary>
    public IReadOnlyList<DTypeMismatch> DTypeMismatches { get; }

    /// <summary>
    /// Tensors of the file that hold NaN or infinity among those loaded (named as in the model): a strict load refuses
    /// them, a non-strict one loads them and warns on the standard error.
    /// </summary>
    public IReadOnlyList<NonFiniteTensor> NonFinite { get; internal set; } = System.Array.Empty<NonFiniteTensor>();

    /// <summary>True when every entry matched: nothing missing, unexpected or mismatched in shape or dtype.</summary>
    public bool IsExactMatch => PairsEveryEntry && DTypeMismatches.Count == 0;

    /// <summary>True when every entry has a partner of the same shape (dtypes may differ).</summary>
    internal bool PairsEveryEntry => Missing.Count == 0 && Unexpected.Count == 0 && ShapeMismatches.Count == 0;

    /// <summary>A summary line, then every missing, unexpected and mismatched name, one a line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"Loaded {Loaded.Count} of {Loaded.Count + Missing.Count + ShapeMismatches.Count} model tensors from '{Path}'");
        text.Append(IsExactMatch
            ? "; every name matched."
            : $": {Missing.Count} missing, {Unexpected.Count} unexpected, {ShapeMismatches.Count} shape mismatches" +
              (DTypeMismatches.Count > 0 ? $", {DTypeMismatches.Count} dtype mismatches." : "."));
        AppendSection(text, "Missing (in the model, not in the file)", Missing);
        AppendSection(text, "Unexpected (in the file, not in the model)", Unexpected);
        AppendSection(text, "Shape mismatches", ShapeMismatches);
        AppendSection(text, "Dtype mismatches (a non-strict load converts them to the model's dtype)", DTypeMismatches);
        AppendSection(text, "Non-finite values (NaN or infinity; a strict load refuses them)", NonFinite);
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
