using System.Collections.Generic;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// The site table: the source locations of one model's declaration, beside the IR. The IR refers to a site by
/// its index, so it stays value-equatable; a site becomes a real <see cref="Location"/> only when a diagnostic is
/// reported (a location rebuilt from a path would ignore <c>#pragma</c>).
/// </summary>
internal sealed class SiteTable
{
    private readonly List<Location> sites = new();

    public IReadOnlyList<Location> All => sites;

    /// <summary>Adds a site and returns its index.</summary>
    public int Add(Location location)
    {
        sites.Add(location);
        return sites.Count - 1;
    }

    /// <summary>The file and line of a site in source (for <c>#line</c> in generated code), or null.</summary>
    public SourceLine? SourceOf(int site)
    {
        if (site < 0 || site >= sites.Count || !sites[site].IsInSource)
        {
            return null;
        }

        var span = sites[site].GetLineSpan();
        return span.Path.Length == 0 ? null : new SourceLine(span.Path, span.StartLinePosition.Line + 1);
    }
}
