namespace Examples.Cli;

/// <summary>What an example run may use besides its options: where to write its files.</summary>
public sealed class ExampleContext
{
    public ExampleContext(string outputDirectory) => OutputDirectory = outputDirectory;

    /// <summary>The example's output directory (<c>out/&lt;example&gt;</c>).</summary>
    public string OutputDirectory { get; }
}
