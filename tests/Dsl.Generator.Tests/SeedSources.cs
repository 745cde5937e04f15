namespace Dsl.Generator.Tests;

/// <summary>Declarations of the seed programs' networks, shared by pipeline, snapshot and robustness tests.</summary>
public static class SeedSources
{
    /// <summary>Seed 000's classifier, as Examples/Models declares it.</summary>
    public static string DigitClassifier => RepoFiles.Read(System.IO.Path.Combine("Examples", "Models", "DigitClassifier.cs"));

    /// <summary>Seed 004's ResNet (loops and a helper), as Examples/Models declares it.</summary>
    public static string ResNet => RepoFiles.Read(System.IO.Path.Combine("Examples", "Models", "ResNet.cs"));

    public const string Unrelated = """
        namespace Seeds;

        public static class Helpers
        {
            public static int Answer() => 42;
        }
        """;
}
