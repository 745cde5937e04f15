namespace Examples.Tests;

/// <summary>
/// Example runs seed and draw from torch's global random generator (weight init, dropout), so they must not run
/// beside each other: this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    public const string Name = "Training (torch global RNG)";
}
