using System;

namespace Dsl.Generator.Parsing;

/// <summary>
/// The value of an expression whose evaluation failed and was reported (a DSL call with a wrong argument, a
/// statement the interpreter refused). Define goes on with it in place of the node or value it should have been, so
/// that independent mistakes later in the declaration are found in the same build; whatever is computed from it
/// fails silently (<see cref="PoisonedValue"/>), so one mistake gives one diagnostic, never a cascade.
/// </summary>
internal sealed class FailedValue
{
    public static readonly FailedValue Instance = new();

    private FailedValue()
    {
    }

    /// <summary>Throws <see cref="PoisonedValue"/> when <paramref name="value"/> is a failed value; returns it otherwise.</summary>
    public static object? Check(object? value) => value is FailedValue ? throw new PoisonedValue() : value;
}

/// <summary>
/// Thrown where a <see cref="FailedValue"/> is used: the computation that reads it cannot be done, and the mistake
/// behind it is already reported. The interpreter catches it at the DSL call or statement and goes on with a failed
/// value, reporting nothing.
/// </summary>
internal sealed class PoisonedValue : Exception
{
    public PoisonedValue()
        : base("a value computed from an expression that already failed")
    {
    }
}
