using System;

namespace Dsl.Benchmarks;

/// <summary>Replaces one section of docs/benchmarks.md, so an <c>--only</c> run refreshes it without rerunning the others.</summary>
public static class ReportSections
{
    /// <summary>
    /// <paramref name="document"/> with the section under <paramref name="heading"/> replaced by <paramref name="section"/>
    /// (inserted before "## Reproduce" when it has none).
    /// </summary>
    public static string Splice(string document, string heading, string section)
    {
        int start = document.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            start = document.IndexOf("## Reproduce", StringComparison.Ordinal);
            if (start < 0)
            {
                throw new InvalidOperationException($"docs/benchmarks.md has neither a section '{heading}' nor a '## Reproduce' section to insert it before; run the full benchmark.");
            }

            return document[..start] + section + document[start..];
        }

        int end = document.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return document[..start] + section + (end < 0 ? string.Empty : document[(end + 1)..]);
    }
}
