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

    public DiagnosticDescriptor Descriptor { get; }

    public SyntaxNode? At { get; }

    public string[] Args { get; }
}
