using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Dsl.Editor.Tests.Fixture;
using Dsl.Tests.Shared;
using Xunit.Abstractions;

namespace Dsl.Editor.Tests;

/// <summary>
/// The code fixes through a real client, the SDK's <c>dotnet format analyzers</c>: a copy of tests/Fixtures/FixAll
/// (one instance of every fixable mistake, and one DSL0001 no fix is guessed for) is fixed by ONE
/// <c>dotnet format analyzers --severity error</c> run, and the result builds with no DSL error but the two
/// expected ones: the unfixable DSL0001, and DSL0200 of the class given an empty Define (declaring an output is
/// the user's next step).
/// </summary>
[Collection(LanguageServerCollection.Name)] // it builds the runtime and generator as EditorConsumer does: not at the same time
public sealed class DotnetFormatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Each fixable mistake: its file, the text before and the text one run must leave.</summary>
    public static readonly IReadOnlyList<(string File, string Before, string After)> Fixes = new[]
    {
        ("Layers.cs", ".Conv2d(8, 3).Relu().Linear(10));", ".Conv2d(8, 3).Relu().Flatten().Linear(10));"),
        ("Layers.cs", "g.Input(\"x\", 16).BatchNorm2d()", "g.Input(\"x\", 16).BatchNorm1d()"),
        ("Layers.cs", "public sealed class Sealed", "public sealed partial class Sealed"),
        ("Layers.cs", "public partial class Empty\n{\n}", "public partial class Empty\n{\n    static void Define(Graph g)\n    {\n"),
        ("Branches.cs", "x + x.Conv2d(16, 3).Relu()", "x + x.Conv2d(16, 3, padding: Padding.Same).Relu()"),
        ("Branches.cs", "g.Output(\"y\", x + y);", "g.Output(\"y\", x.Conv2d(64, 1, stride: 2) + y);"),
        ("Branches.cs", "Ops.Concat(1, x, x.Conv2d(8, 3).Relu())", "Ops.Concat(1, x, x.Conv2d(8, 3, padding: Padding.Same).Relu())"),
        ("Branches.cs", ".Conv2d(8, 3).BatchNorm1d().Relu().Linear(10)", ".Conv2d(8, 3).BatchNorm2d().Relu().Flatten().Linear(10)"),
        ("Axes.cs", ".Embedding(100, 16).Conv1d(8, 3)", ".Embedding(100, 16).Transpose(1, 2).Conv1d(8, 3)"),
        ("Axes.cs", "Dim.Of(\"T\"), 12).BatchNorm1d().Relu()", "Dim.Of(\"T\"), 12).Transpose(1, 2).BatchNorm1d().Transpose(1, 2).Relu()"),
        ("Axes.cs", "28, 28, 3).Conv2d(8, 3)", "28, 28, 3).Permute(0, 3, 1, 2).Conv2d(8, 3)"),
        ("Axes.cs", ".Conv1d(8, 5).Relu().Lstm(16)", ".Conv1d(8, 5).Relu().Transpose(1, 2).Lstm(16)"),
    };

    private const string Unfixable = "g.Input(\"a\", 32, 14, 14) + g.Input(\"b\", 16, 14, 14)";

    [Fact]
    public async Task One_dotnet_format_run_fixes_every_fixable_mistake_of_the_fixture()
    {
        string copy = CopyFixture();
        string project = Path.Combine(copy, "FixAll.csproj");
        try
        {
            var clock = Stopwatch.StartNew();
            // The runtime, generator and code fixes the copy references are built with this test project (its
            // project references): dotnet format loads the analyzers from their build output. A restore is all
            // the copy needs before it.
            var (restoreExit, restoreOutput) = await DotnetProcess.RunAsync(copy, Limit, "restore", project, "-nodeReuse:false");
            Assert.True(restoreExit == 0, "dotnet restore failed:\n" + restoreOutput);
            var built = clock.Elapsed;

            var (formatExit, formatOutput) = await DotnetProcess.RunAsync(copy, Limit, "format", "analyzers", project, "--severity", "error", "--no-restore", "-v", "diag");
            output.WriteLine(formatOutput);
            Assert.True(formatExit == 0, "dotnet format failed:\n" + formatOutput);
            var formatted = clock.Elapsed;

            foreach (var (file, beforeText, afterText) in Fixes)
            {
                string original = Read(Path.Combine(RepoFiles.Root, "tests", "Fixtures", "FixAll", "Models", file));
                string result = Read(Path.Combine(copy, "Models", file));
                Assert.True(original.Contains(beforeText, StringComparison.Ordinal), $"the fixture's {file} must contain: {beforeText}");
                Assert.True(result.Contains(afterText, StringComparison.Ordinal), $"expected {file} to contain after the run:\n{afterText}\nbut it is:\n{result}");
                Assert.False(result.Contains(beforeText, StringComparison.Ordinal), $"{file} still contains: {beforeText}");
            }

            Assert.Contains(Unfixable, Read(Path.Combine(copy, "Models", "Branches.cs")));

            var after = await BuildErrorsAsync(copy, project, "after");
            Assert.Equal(
                new[] { ("DSL0001", "Branches.cs", 9), ("DSL0200", "Layers.cs", 30) },
                after.Select(e => (e.Id, e.File, e.Line)).OrderBy(e => e.Id, StringComparer.Ordinal));
            output.WriteLine($"restore {built.TotalSeconds:0.0} s, dotnet format {(formatted - built).TotalSeconds:0.0} s, build {(clock.Elapsed - formatted).TotalSeconds:0.0} s");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>
    /// The fixture in a fresh temporary folder, with a Directory.Build.props that points its project references
    /// back at this repository.
    /// </summary>
    private static string CopyFixture()
    {
        string source = Path.Combine(RepoFiles.Root, "tests", "Fixtures", "FixAll");
        string copy = Path.Combine(Path.GetTempPath(), "dsl-fixall-" + Guid.NewGuid().ToString("N"));
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        string root = RepoFiles.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        File.WriteAllText(Path.Combine(copy, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <DslRepoRoot>{System.Security.SecurityElement.Escape(root)}</DslRepoRoot>
              </PropertyGroup>
            </Project>
            """);
        return copy;
    }

    private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static readonly Regex ErrorLine = new(@"[\\/](?<file>[^\\/(]+)\((?<line>\d+),\d+\): error (?<id>DSL\d{4}):", RegexOptions.CultureInvariant);

    /// <summary>The DSL errors of a build of the copy (its errors-only file log: each error once).</summary>
    private async Task<List<(string Id, string File, int Line)>> BuildErrorsAsync(string copy, string project, string name)
    {
        string log = Path.Combine(copy, $"errors-{name}.log");
        var (_, buildOutput) = await DotnetProcess.RunAsync(copy, Limit, "build", project, "--nologo", "-c", "Debug", "-nodeReuse:false", $"-flp:errorsonly;logfile={log}");
        if (!File.Exists(log))
        {
            throw new InvalidOperationException("the build did not run:\n" + buildOutput);
        }

        var lines = File.ReadAllLines(log);
        Assert.True(
            lines.All(l => !l.Contains(": error ", StringComparison.Ordinal) || ErrorLine.IsMatch(l)),
            $"the {name} build has errors other than DSL ones:\n{string.Join("\n", lines)}");
        return lines
            .Select(l => ErrorLine.Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["id"].Value, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
