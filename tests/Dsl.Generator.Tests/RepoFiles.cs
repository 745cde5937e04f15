using System;
using System.IO;
using System.Linq;

namespace Dsl.Generator.Tests;

/// <summary>Files of this repository, found from the test assembly by walking up to the folder holding dsl.sln.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The seed networks as users write them: Examples/Models/*.cs, by class name.</summary>
    public static string[] ExampleModels() => Directory.GetFiles(Path.Combine(Root, "Examples", "Models"), "*.cs")
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("dsl.sln not found above " + AppContext.BaseDirectory);
    }
}
