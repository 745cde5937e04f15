using System;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Stops interpreting Define: the declaration uses something the generator cannot evaluate. Carries the
/// diagnostic to report at <see cref="Location"/>; the model is then left incomplete (not analyzed, not emitted).
/// </summary>
internal sealed class InterpretationError : Exception
{
    public InterpretationError(DiagnosticDescriptor descriptor, SyntaxNode? at, params string[] args)
        : base(descriptor.Id)
    {
        Descriptor = descriptor;
        At = at;
        Args = args;
    }

    /// <summary>Reports at <paramref name="location"/> rather than at a whole syntax node (a call's name and arguments).</summary>
    public InterpretationError(DiagnosticDescriptor descriptor, Location location, params string[] args)
        : this(descriptor, (SyntaxNode?)null, args) => Location = location;

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The exact location to report at, when it is not a whole node.</summary>
    public Location? Location { get; }

    public SyntaxNode? At { get; }

    public string[] Args { get; }
}
