namespace Examples.Cli;

/// <summary>
/// A result file of an example run, rendered in memory (a picture, a JSON table) and written only after the result
/// table is printed, atomically (<see cref="AtomicFiles"/>), so a failed write never hides the results on the console
/// and never leaves a cut-off file.
/// </summary>
/// <param name="Name">The file name, relative to the example's output directory.</param>
/// <param name="Content">The complete content.</param>
public sealed record OutputFile(string Name, byte[] Content);
