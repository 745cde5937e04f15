using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Asserts the generator reports exactly one diagnostic for a source whose expected span is marked with
/// <c>[|</c> and <c>|]</c>: its ID, its full message and the exact underlined text.
/// </summary>
public static class DiagnosticAssert
{
    public static Diagnostic Single(string markedSource, string id, string message, params string[] otherSources)
    {
        int start = markedSource.IndexOf("[|", System.StringComparison.Ordinal);
        int end = markedSource.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "the source must mark the expected span with [| and |]");
        string source = markedSource.Replace("[|", "").Replace("|]", "");

        var run = GeneratorHarness.Run(new[] { source }.Concat(otherSources).ToArray());
        var dsl = run.Diagnostics.Where(d => d.Id.StartsWith("DSL", System.StringComparison.Ordinal)).ToList();
        Assert.True(dsl.Count == 1, "expected one DSL diagnostic but got:\n" + GeneratorHarness.Describe(dsl));
        var diagnostic = dsl[0];
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.True(diagnostic.Location.IsInSource, "the diagnostic must have a source location");
        Assert.Equal("Model0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(source.Substring(start, end - start), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(start, diagnostic.Location.SourceSpan.Start);
        return diagnostic;
    }
}
