using System;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Stops evaluating an expression of Define: the declaration uses something the generator cannot evaluate. Carries
/// the diagnostic to report at <see cref="Location"/>. The interpreter reports it at the DSL call or statement and
/// goes on with a <see cref="FailedValue"/> (the model is then analyzed but not emitted), unless it is
/// <see cref="IsFatal"/>.
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

    /// <summary>
    /// True for the budgets (loop iterations, evaluation steps, helper nesting, graph size): going on would only hit
    /// the same budget again, so these stop the whole interpretation.
    /// </summary>
    public bool IsFatal =>
        Descriptor == Descriptors.RunawayLoop || Descriptor == Descriptors.BudgetExceeded ||
        Descriptor == Descriptors.RecursionTooDeep || Descriptor == Descriptors.InternalError;
}
