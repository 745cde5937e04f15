using Dsl.Generator.Model;

namespace Dsl.Generator.Diagnostics;

/// <summary>
/// A diagnostic as a value: descriptor id, the site (an index into the model's location table) and the
/// message arguments. It becomes a Roslyn <c>Diagnostic</c> only when reported, with the real location.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string ModelName, int Site, EquatableArray<string> Args)
{
    /// <summary>The edit that fixes it, where one is known to.</summary>
    public FixSpec? Fix { get; init; }

    public static DiagnosticInfo Create(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string modelName, int site, params string[] args) =>
        new(descriptor.Id, modelName, site, EquatableArray.Create(args));
}
