using System.Collections.Generic;

namespace Dsl.Weights;

/// <summary>
/// A tensor present in both the model and the file whose shapes differ, so it was not loaded.
/// </summary>
/// <param name="Name">The state-dict name in the model.</param>
/// <param name="FileName">The name in the file (differs from <paramref name="Name"/> with a prefix or in-order loading).</param>
/// <param name="ModelShape">The shape in the model.</param>
/// <param name="FileShape">The shape in the file.</param>
public sealed record ShapeMismatch(string Name, string FileName, IReadOnlyList<long> ModelShape, IReadOnlyList<long> FileShape)
{
    /// <summary>For example <c>layer4.weight: model [10, 128], file [12, 128]</c>.</summary>
    public override string ToString() =>
        $"{Name}: model {Shapes.Format(ModelShape)}, file {Shapes.Format(FileShape)}" + (FileName == Name ? "" : $" (file name '{FileName}')");
}
