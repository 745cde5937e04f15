using System.Runtime.CompilerServices;
using TorchSharp;

namespace Dsl.Checks;

/// <summary>
/// Remembers, for every tensor that passed <see cref="TensorCheck.Check"/>, which model checked it and under which
/// role and name (<c>DigitClassifier</c>, <c>target</c>, <c>label</c>). The loss functions look their arguments up
/// here, so a value check inside a loss (a class index out of range, a probability above 1) names the model and the
/// tensor although generated code passes the loss functions tensors only. Entries live exactly as long as their
/// tensor objects (a <see cref="ConditionalWeakTable{TKey, TValue}"/>), so nothing is kept alive by this table.
/// </summary>
internal static class CheckedTensors
{
    private static readonly ConditionalWeakTable<torch.Tensor, CheckedTensor> Table = new();

    /// <summary>Records that <paramref name="model"/> checked <paramref name="tensor"/> as its <paramref name="role"/> <paramref name="name"/>.</summary>
    public static void Remember(torch.Tensor tensor, string model, string role, string name) =>
        Table.AddOrUpdate(tensor, new CheckedTensor(model, role, name));

    /// <summary>Who checked <paramref name="tensor"/> last, or null when no generated check has seen it.</summary>
    public static CheckedTensor? Find(torch.Tensor tensor) => Table.TryGetValue(tensor, out var found) ? found : null;
}
