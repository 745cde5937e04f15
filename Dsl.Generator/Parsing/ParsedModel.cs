using System;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// The result of reading one <c>[Model]</c> class: the equatable IR, and beside it the table of source
/// locations its sites index and the diagnostics found while interpreting <c>Define</c>. Only
/// <see cref="Spec"/> flows on to shape inference and emission; the locations are used when diagnostics are
/// reported, so that they keep real source locations (and <c>#pragma warning</c> applies to them).
/// Equality compares locations by tree and span, so an edit elsewhere leaves this value unchanged.
/// </summary>
internal sealed class ParsedModel : IEquatable<ParsedModel>
{
    public ParsedModel(ModelSpec spec, ImmutableArray<Location> sites, ImmutableArray<DiagnosticInfo> diagnostics)
    {
        Spec = spec;
        Sites = sites;
        Diagnostics = diagnostics;
    }

    public ModelSpec Spec { get; }

    public ImmutableArray<Location> Sites { get; }

    public ImmutableArray<DiagnosticInfo> Diagnostics { get; }

    public Location LocationOf(int site) => site >= 0 && site < Sites.Length ? Sites[site] : Location.None;

    /// <summary>The Roslyn diagnostic of <paramref name="info"/> (found in this model) at its real source location.</summary>
    public Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = Descriptors.Get(info.Id);
        var args = info.Args.Items.Cast<object>().ToArray();
        if (info.Fix is not { } fix)
        {
            return Diagnostic.Create(descriptor, LocationOf(info.Site), args);
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[FixKinds.KindProperty] = fix.Kind;
        for (int i = 0; i < fix.Values.Count; i++)
        {
            properties[FixKinds.ValuePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = fix.Values[i];
        }

        return Diagnostic.Create(descriptor, LocationOf(info.Site), fix.Sites.Items.Select(LocationOf), properties.ToImmutable(), args);
    }

    public bool Equals(ParsedModel? other) =>
        other is not null &&
        Spec.Equals(other.Spec) &&
        Sites.SequenceEqual(other.Sites) &&
        Diagnostics.SequenceEqual(other.Diagnostics);

    public override bool Equals(object? obj) => Equals(obj as ParsedModel);

    public override int GetHashCode() => Spec.GetHashCode();
}
