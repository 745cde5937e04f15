namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// Training tests seed and read torch's global random generator (weight init, dropout), so they must not run
/// beside any other test that draws from it: this collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    public const string Name = "Training (torch global RNG)";
}
