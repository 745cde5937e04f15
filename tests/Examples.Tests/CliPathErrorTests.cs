using System.IO;

namespace Examples.Tests;

/// <summary>
/// A bad path or count on the command line is one line naming the option, the value and the problem, given before
/// any training, and nothing is written.
/// </summary>
public sealed class CliPathErrorTests
{
    private static string OneLineError(ExampleRunner runner, params string[] args)
    {
        var (exitCode, _, error) = runner.Run(args);
        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
        return error;
    }

    [Theory]
    [InlineData("odd-only")]
    [InlineData("export-pytorch")]
    public void An_out_directory_under_a_file_names_the_option_and_the_file(string command)
    {
        using var runner = new ExampleRunner();
        string[] args = command == "odd-only"
            ? new[] { "odd-only", "--epochs", "1", "--limit", "256", "--out", "/dev/null/x" }
            : new[] { "export-pytorch", "joint-embedding", "--out", "/dev/null/x" };

        string error = OneLineError(runner, args);

        Assert.Contains("--out '/dev/null/x': '/dev/null' is a file, not a directory, so nothing can be created under it", error);
    }

    [Fact]
    public void An_out_directory_that_is_an_existing_file_says_so_and_leaves_the_file_alone()
    {
        using var runner = new ExampleRunner();
        string file = Path.Combine(runner.OutputRoot, "results.txt");
        File.WriteAllText(file, "keep me");

        string error = OneLineError(runner, "odd-only", "--epochs", "1", "--limit", "256", "--out", file);

        Assert.Contains($"--out '{file}' names an existing file, but --out is a directory", error);
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void An_onnx_out_that_is_a_directory_is_refused_before_training()
    {
        using var runner = new ExampleRunner();

        var (exitCode, output, error) = runner.Run("export-onnx", "odd-only", "--out", runner.OutputRoot);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"--out '{runner.OutputRoot}' names a directory, but --out is the file to write: add a file name", error);
        Assert.DoesNotContain("results", output);
    }

    [Theory]
    [InlineData(new[] { "odd-only", "--epochs", "-1" }, "--epochs is -1: it must be at least 1")]
    [InlineData(new[] { "odd-only", "--batch-size", "0" }, "--batch-size is 0: it must be at least 1")]
    [InlineData(new[] { "odd-only", "--limit", "-5" }, "--limit is -5: it must be at least 1")]
    [InlineData(new[] { "export-onnx", "odd-only", "--epochs", "0" }, "--epochs is 0: it must be at least 1")]
    [InlineData(new[] { "export-pytorch", "joint-embedding", "--test", "0" }, "--test is 0: it must be at least 1")]
    public void A_count_below_one_names_the_option_and_its_value(string[] args, string expected)
    {
        using var runner = new ExampleRunner();

        Assert.Contains(expected, OneLineError(runner, args));
    }
}
