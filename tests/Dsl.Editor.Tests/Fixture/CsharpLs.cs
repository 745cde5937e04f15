using System;
using System.IO;
using System.Threading.Tasks;
using Dsl.Editor.Tests.Lsp;

namespace Dsl.Editor.Tests.Fixture;

/// <summary>
/// csharp-ls, the C# language server this test drives: the version pinned in .config/dotnet-tools.json, which
/// <c>dotnet tool restore</c> (run by .ci/run) installs, started through <c>dotnet tool run</c>.
/// </summary>
public static class CsharpLs
{
    private const string ToolName = "csharp-ls";

    /// <summary>Throws, saying how to install it, unless the pinned csharp-ls runs; returns its version line.</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        var (exitCode, output) = await Dsl.Tests.Shared.DotnetProcess.RunAsync(RepoFiles.Root, TimeSpan.FromMinutes(1), "tool", "run", ToolName, "--", "--version");
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"csharp-ls (pinned in .config/dotnet-tools.json) is not installed: run `dotnet tool restore` in the repository root. "
                + $"`dotnet tool run {ToolName} -- --version` exited with {exitCode}:\n{output}");
        }

        return output.Trim();
    }

    /// <summary>Starts the server on <paramref name="solution"/>, with English messages.</summary>
    public static LanguageServerProcess Start(string solution) => LanguageServerProcess.Start(
        "dotnet",
        ["tool", "run", ToolName, "--", "--solution", solution, "--locale", "en-US", "--loglevel", "info"],
        Path.GetDirectoryName(solution)!);
}
