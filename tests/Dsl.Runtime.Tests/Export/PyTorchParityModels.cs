using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// The models PyTorch parity runs, found by reflection: every seed of Examples/Models except a part that trains only
/// inside another seed (SiameseTower, without a loss of its own, runs inside SiameseNet), and every class of these
/// tests marked <see cref="PyTorchParityAttribute"/>.
/// The generator tests' OpCoverageTests finds the same set in the sources.
/// </summary>
internal static class PyTorchParityModels
{
    /// <summary>The seeds run on their own: the generated models of Examples.Models, less the submodels of another seed that have no loss.</summary>
    public static IReadOnlyList<Type> Seeds { get; } = SeedsOf(typeof(global::Examples.Models.DigitClassifier).Assembly);

    /// <summary>The classes of this assembly marked [PyTorchParity], generated models or not (<see cref="NotModels"/> says which are not).</summary>
    public static IReadOnlyList<Type> Marked { get; } = typeof(PyTorchParityModels).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(PyTorchParityAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<Type> All { get; } = Seeds.Concat(Marked).ToList();

    /// <summary>Marked classes the generator made no model of (no <c>PyTorchSource</c>, <c>Info</c> or name constructor), with what is missing.</summary>
    public static IEnumerable<string> NotModels() => Marked.Where(t => !IsModel(t)).Select(t =>
        $"{t.FullName} is marked [PyTorchParity] but is not a generated model (no public static PyTorchSource and Info, or no constructor taking its name): " +
        "mark only a partial class with [Model] whose Define the generator accepts, or remove the mark");

    private static bool IsModel(Type type) =>
        type.GetField("PyTorchSource", BindingFlags.Public | BindingFlags.Static) is not null
        && type.GetProperty("Info", BindingFlags.Public | BindingFlags.Static) is not null
        && type.GetConstructor(new[] { typeof(string) }) is not null;

    private static List<Type> SeedsOf(Assembly examples)
    {
        var models = examples.GetTypes().Where(t => t.Namespace == "Examples.Models" && IsModel(t)).ToList();
        bool partOnly(Type type) => !typeof(Dsl.Training.ITrainableModel).IsAssignableFrom(type) && models.Any(other => other != type
            && other.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(f => f.FieldType == type));
        return models.Where(t => !partOnly(t)).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }
}
