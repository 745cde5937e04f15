using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Dsl.Editor.Tests.Fixture;

/// <summary>
/// tests/Fixtures/EditorConsumer, used in place (its project references are relative to it): a consumer project
/// outside dsl.sln whose Models/Classifier.cs has one deliberate shape mistake.
/// </summary>
public static class EditorConsumer
{
    public static string Directory { get; } = Path.Combine(RepoFiles.Root, "tests", "Fixtures", "EditorConsumer");

    public static string Solution { get; } = Path.Combine(Directory, "EditorConsumer.sln");

    public static string Project { get; } = Path.Combine(Directory, "EditorConsumer.csproj");

    public static string ModelFile { get; } = Path.Combine(Directory, "Models", "Classifier.cs");

    /// <summary>Where the project's <c>ErrorLog</c> property sends the compiler's SARIF log.</summary>
    private static string ErrorLog { get; } = Path.Combine(Directory, "obj", "build.sarif");

    private static readonly Lazy<Task<BuildResult>> Built = new(BuildAsync);

    /// <summary>The result of <see cref="BuildAsync"/>, built once for all tests of the run.</summary>
    public static Task<BuildResult> BuildOnceAsync() => Built.Value;

    /// <summary>
    /// <c>dotnet build</c> of the consumer, which builds (and restores) the generator and runtime it references,
    /// as the language server needs them: the generator's assembly is an analyzer reference it loads from disk.
    /// The build fails on the mistake; the result has what the compiler reported. Debug, as csharp-ls loads projects.
    /// </summary>
    private static async Task<BuildResult> BuildAsync()
    {
        if (File.Exists(ErrorLog))
        {
            File.Delete(ErrorLog); // a fresh clone has no obj/ yet
        }
        var (exitCode, output) = await Dsl.Tests.Shared.DotnetProcess.RunAsync(Directory, TimeSpan.FromMinutes(5), "build", Project, "--nologo", "-c", "Debug", "-nodeReuse:false");
        if (!File.Exists(ErrorLog))
        {
            throw new InvalidOperationException($"dotnet build of the fixture did not get to compile it (exit code {exitCode}):\n{output}");
        }

        return new BuildResult(exitCode, output, SarifDiagnostic.Read(ErrorLog));
    }

    public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<SarifDiagnostic> Diagnostics)
    {
        /// <summary>The one diagnostic <paramref name="id"/> the build reported in the model file.</summary>
        public SarifDiagnostic Single(string id)
        {
            var found = Diagnostics.Where(d => d.Id == id && d.File == Path.GetFileName(ModelFile)).ToList();
            return found.Count == 1
                ? found[0]
                : throw new InvalidOperationException($"expected dotnet build to report {id} once in the model file but it reported it {found.Count} times:\n{Output}");
        }
    }
}
