using System;
using System.IO;
using System.Threading.Tasks;
using Dsl.Generator.Tests.Fixtures;

namespace Dsl.Generator.Tests.Snapshots;

/// <summary>
/// A failing snapshot test leaves <c>*.received.cs</c> beside the verified snapshot; the test project must not
/// compile it, or the next build fails on duplicate members until someone deletes the file.
/// </summary>
public sealed class ReceivedSnapshotTests
{
    [Fact]
    public async Task A_received_snapshot_file_is_not_compiled_into_the_test_project()
    {
        string project = Path.Combine(RepoFiles.Root, "tests", "Dsl.Generator.Tests");
        string probe = Path.Combine(project, "Snapshots", "verified", $"Probe{Guid.NewGuid():N}.received.cs");
        File.WriteAllText(probe, "// A probe of ReceivedSnapshotTests; delete it if a test run was killed.\n");
        try
        {
            var (exitCode, output) = await DotnetCli.RunAsync(project, "msbuild", "Dsl.Generator.Tests.csproj", "-nologo", "-getItem:Compile");

            Assert.True(exitCode == 0, output);
            Assert.Contains("GeneratedCodeSnapshotTests.cs", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetFileName(probe), output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
