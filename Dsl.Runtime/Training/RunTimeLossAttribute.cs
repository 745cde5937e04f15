using System;

namespace Dsl.Training;

/// <summary>
/// Marks the method of <see cref="LossFunctions"/> that computes one loss at run time (its file is
/// <c>Dsl.Runtime/Losses/&lt;Loss&gt;.cs</c>). <see cref="Kind"/> is the loss's name in the generator's loss catalogue
/// and in <c>Info.Losses[i].Kind</c>; a test checks that the catalogue and these marks name the same losses.
/// </summary>
/// <param name="kind">The loss's name (<c>Mse</c>, <c>CrossEntropy(soft)</c>).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RunTimeLossAttribute(string kind) : Attribute
{
    /// <summary>The loss's name, as <c>Info.Losses[i].Kind</c> gives it.</summary>
    public string Kind { get; } = kind;

    /// <summary>True where the trainer reports regression metrics (MAE, RMSE, R²) for a term of this loss.</summary>
    public bool RegressionMetrics { get; init; }
}
