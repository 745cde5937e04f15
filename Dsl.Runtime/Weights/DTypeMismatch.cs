using Dsl.Checks;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// A tensor present in both the model and the file, of the same shape but another element type: strict loading
/// refuses it; non-strict loading converts the file's values to the model's dtype and reports it here.
/// </summary>
/// <param name="Name">The state-dict name in the model.</param>
/// <param name="FileName">The name in the file (differs from <paramref name="Name"/> with a prefix or in-order loading).</param>
/// <param name="ModelDType">The dtype in the model.</param>
/// <param name="FileDType">The dtype in the file.</param>
public sealed record DTypeMismatch(string Name, string FileName, ScalarType ModelDType, ScalarType FileDType)
{
    /// <summary>For example <c>layer4.weight: model float32, file int32</c>.</summary>
    public override string ToString() =>
        $"{Name}: model {TensorCheck.DTypeName(ModelDType)}, file {TensorCheck.DTypeName(FileDType)}" + (FileName == Name ? "" : $" (file name '{FileName}')");
}
