using System;

namespace Dsl.Training;

/// <summary>
/// A part of a model that trains with its own learning rate (and optionally weight decay), for fine-tuning: the
/// parameters whose state-dict name is <see cref="Prefix"/> or starts with <c>Prefix + "."</c>
/// (<c>"encoder"</c> selects <c>encoder.conv2d_1.weight</c>, not <c>encoder2.weight</c>). Added to an optimizer
/// with <see cref="OptimizerSpec.WithGroup"/>; a parameter belongs to the first group that selects it, the rest
/// train with the optimizer's own settings. Learning-rate schedules scale every group's rate alike.
/// </summary>
/// <param name="Prefix">A submodule (or parameter) name as in the state dict: <c>"teacher"</c>, <c>"tower.conv2d_1"</c>.</param>
/// <param name="LearningRate">The group's learning rate (0 keeps the part fixed while it still takes part in the forward pass).</param>
/// <param name="WeightDecay">The group's weight decay, or null for the optimizer's.</param>
public sealed record ParameterGroup(string Prefix, double LearningRate, double? WeightDecay = null)
{
    /// <summary>Whether the parameter named <paramref name="name"/> belongs to this group.</summary>
    public bool Selects(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string prefix = Prefix.TrimEnd('.');
        return name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
    }

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Prefix) || Prefix.TrimEnd('.').Length == 0)
        {
            throw new ArgumentException("ParameterGroup.Prefix must name a submodule or parameter (for example \"encoder\").", nameof(Prefix));
        }

        if (!(LearningRate >= 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"ParameterGroup '{Prefix}': the learning rate must be a finite number >= 0.");
        }

        if (WeightDecay is double decay && (!(decay >= 0) || double.IsInfinity(decay)))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), decay, $"ParameterGroup '{Prefix}': the weight decay must be a finite number >= 0.");
        }
    }
}
