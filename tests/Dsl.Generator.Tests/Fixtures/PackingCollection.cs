namespace Dsl.Generator.Tests.Fixtures;

/// <summary>
/// The tests that build Dsl.Runtime in this repository (packing it, or building a fixture that references it) run one at
/// a time: two builds at once would write the same project outputs (a pack with its own version recompiles them).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    public const string Name = "Packing the packages";
}
