using System;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Dsl.Generator.Tests.Docs;

namespace Dsl.Generator.Tests.Fixtures;

/// <summary>
/// End to end through MSBuild: tests/Fixtures/ShapeMistake (a consumer project outside dsl.sln, referencing the
/// generator as an analyzer) has one deliberate shape mistake; <c>dotnet build</c> must fail and print
/// <c>error DSL0002</c> once, at the exact line and column of the offending call, as a user would see it. Its
/// Usage.cs uses the broken model and must not add a single error (the skeleton the generator emits).
/// </summary>
[Collection(PackingCollection.Name)]
public class FixtureBuildTests
{
    private const string MarkerCall = "Linear(10)";

    private const string ExpectedMessage =
        "Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 8, 26, 26]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1) to apply it at every position";


    [Fact]
    public async Task Building_the_shape_mistake_fixture_fails_with_DSL0002_at_the_call()
    {
        string fixture = Path.Combine(DiagnosticsDocTests.RepoRoot(), "tests", "Fixtures", "ShapeMistake");
        string source = File.ReadAllText(Path.Combine(fixture, "Models", "Classifier.cs")).Replace("\r\n", "\n");
        var (line, column) = PositionOf(source, MarkerCall);

        string errorLog = Path.Combine(Path.GetTempPath(), $"dsl-fixture-errors-{Guid.NewGuid():N}.log");
        var (exitCode, output) = await DotnetBuild(Path.Combine(fixture, "ShapeMistake.csproj"), errorLog);

        Assert.True(exitCode != 0, "the fixture must not build:\n" + output);
        string expected = string.Create(CultureInfo.InvariantCulture, $"Models/Classifier.cs({line},{column}): error DSL0002: {ExpectedMessage}");
        Assert.True(
            output.Replace('\\', '/').Contains(expected, StringComparison.Ordinal),
            $"expected the build output to contain\n{expected}\nbut it was:\n{output}");

        // The one mistake is the only error, reported once (by the analyzer, not again by the generator): the
        // correct model beside it and the code that uses the broken one are fine.
        // The console prints each error twice (as it happens and in the summary); the errors-only file log once.
        var errors = File.ReadAllLines(errorLog).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        File.Delete(errorLog);
        Assert.True(errors.Count == 1, "expected exactly one error line:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void PositionOf_counts_lines_and_columns_from_one()
    {
        Assert.Equal((1, 1), PositionOf("Linear(10)", MarkerCall));
        Assert.Equal((3, 7), PositionOf("a\nb\n    x.Linear(10)", MarkerCall));
        Assert.Throws<InvalidOperationException>(() => PositionOf("Linear(10) Linear(10)", MarkerCall));
    }

    /// <summary>The 1-based line and column of the one occurrence of <paramref name="marker"/>, as compilers print them.</summary>
    private static (int Line, int Column) PositionOf(string text, string marker)
    {
        int index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"the fixture must contain '{marker}' exactly once");
        }

        int line = 1 + text.Take(index).Count(c => c == '\n');
        int lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (line, index - lineStart + 1);
    }

    private static Task<(int ExitCode, string Output)> DotnetBuild(string project, string errorLog) =>
        DotnetCli.RunAsync(Path.GetDirectoryName(project)!, "build", project, "--nologo", "-c", DotnetCli.Configuration, "-nodeReuse:false", $"-flp:errorsonly;logfile={errorLog}");
}
