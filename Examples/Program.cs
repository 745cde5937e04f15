using System;
using Examples.Cli;
using Spectre.Console;

namespace Examples;

/// <summary><c>dotnet run --project Examples -- &lt;command&gt;</c>; see <see cref="ExampleApp"/>.</summary>
public static class Program
{
    public static int Main(string[] args) => new ExampleApp(AnsiConsole.Console, Console.Error).Run(args);
}
