using System;
using System.IO;
using Examples.Cli;
using Spectre.Console;

namespace Examples.Tests;

/// <summary>Runs the CLI in-process, the way Program.Main does, with a non-interactive console captured as text.</summary>
internal sealed class ExampleRunner : IDisposable
{
    public ExampleRunner() => Directory.CreateDirectory(OutputRoot);

    /// <summary>A fresh temporary output root.</summary>
    public string OutputRoot { get; } = Path.Combine(Path.GetTempPath(), "dsl-examples-" + Guid.NewGuid().ToString("N"));

    public (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        int exitCode = new ExampleApp(console, error).Run(args);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(OutputRoot))
        {
            Directory.Delete(OutputRoot, recursive: true);
        }
    }
}
