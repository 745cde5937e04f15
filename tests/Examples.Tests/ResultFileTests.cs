using System.IO;
using System.Linq;

namespace Examples.Tests;

/// <summary>
/// Result files are written after the result table is printed, each through a temporary file and a rename: a write
/// that fails leaves the results on the console, a one-line error naming the file, and no cut-off or temporary file.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class ResultFileTests
{
    private static readonly byte[] PngMagic = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    [Fact]
    public void A_result_file_that_cannot_be_written_still_shows_the_result_table_and_leaves_no_partial_file()
    {
        using var runner = new ExampleRunner();
        string directory = Path.Combine(runner.OutputRoot, "odd-only");
        string blocked = Path.Combine(directory, "metrics.json");
        Directory.CreateDirectory(Path.Combine(blocked, "in-the-way")); // a directory where metrics.json goes: the rename fails

        var (exitCode, output, error) = runner.Run("odd-only", "--epochs", "1", "--limit", "256", "--out", runner.OutputRoot);

        Assert.Equal(1, exitCode);
        Assert.Contains("odd-only: results", output);
        Assert.Contains("odd_accuracy", output);
        Assert.StartsWith($"error: could not write '{blocked}'", error);
        Assert.Empty(Directory.EnumerateFiles(directory, "*.tmp"));
        byte[] loss = File.ReadAllBytes(Path.Combine(directory, "loss.png"));
        Assert.Equal(PngMagic, loss.Take(8));
        Assert.True(File.Exists(Path.Combine(directory, "confusion_matrices.json")));
    }

    [Fact]
    public void A_successful_run_prints_the_table_before_it_reports_the_files_and_leaves_no_temporary_file()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, error) = runner.Run("odd-only", "--epochs", "1", "--limit", "256", "--out", runner.OutputRoot);

        Assert.True(exitCode == 0, error);
        int table = output.IndexOf("odd-only: results", System.StringComparison.Ordinal);
        int wrote = output.IndexOf("Wrote confusion_matrices.json, loss.png, metrics.json", System.StringComparison.Ordinal);
        Assert.True(table >= 0 && wrote > table, output);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(runner.OutputRoot, "odd-only"), ".*"));
    }
}
