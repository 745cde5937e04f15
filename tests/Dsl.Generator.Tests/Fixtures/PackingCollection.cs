namespace Dsl.Generator.Tests.Fixtures;

/// <summary>The tests that pack Dsl.Runtime run one at a time: two packs at once would build the same project outputs.</summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    public const string Name = "Packing the packages";
}
