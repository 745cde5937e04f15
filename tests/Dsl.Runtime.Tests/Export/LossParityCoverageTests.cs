using System;
using System.Linq;
using System.Reflection;
using Dsl.Metadata;
using Dsl.Training;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// Every loss of the run time (a <see cref="RunTimeLossAttribute"/> mark on <see cref="LossFunctions"/>, which
/// Dsl.Generator.Tests' LossCatalogueTests holds equal to the generator's loss catalogue) has a term in at least one
/// model of <see cref="PyTorchParityTests.Models"/> (the seeds and the models marked <c>[PyTorchParity]</c>), so its value is compared with the generated PyTorch
/// <c>compute_loss</c>.
/// </summary>
public sealed class LossParityCoverageTests
{
    [Fact]
    public void Every_loss_has_a_PyTorch_parity_term()
    {
        var losses = typeof(LossFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<RunTimeLossAttribute>()?.Kind)
            .OfType<string>()
            .ToList();
        Assert.True(losses.Count >= 10, "the reflection found too few run-time losses: " + string.Join(", ", losses));

        var covered = ((System.Collections.Generic.IEnumerable<object[]>)PyTorchParityTests.Models())
            .Select(row => (Type)row[0])
            .SelectMany(type => ((ModelInfo)type.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Losses)
            .Select(term => term.Kind)
            .ToHashSet(StringComparer.Ordinal);

        var missing = losses.Where(kind => !covered.Contains(kind)).ToList();
        Assert.True(missing.Count == 0, "losses without a term in a PyTorch-parity model (add one to LossOptionNet, or to a model of these tests marked [PyTorchParity]): " + string.Join(", ", missing));
    }
}
