using System;
using System.IO;

namespace Dsl.Editor.Tests.Fixture;

/// <summary>The repository root, found from the test assembly by walking up to the folder holding dsl.sln.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

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
