namespace Dsl.Editor.Tests;

/// <summary>
/// The language-server test classes run one after the other: two servers loading the workspace at once on a small
/// machine would distort the times they print, and both would build the fixture.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LanguageServerCollection
{
    public const string Name = "csharp-ls";
}
