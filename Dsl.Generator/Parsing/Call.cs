using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>
/// One DSL call: its evaluated arguments by parameter name, and where each was written; for an operator on nodes
/// (<c>a + b</c>, <c>-x</c>) its evaluated operands. The ops' argument readers (<c>Ops/*/*Arguments.cs</c>) read
/// and validate arguments through it, so every message names the argument and underlines where it was written.
/// </summary>
internal sealed class Call
{
    private readonly Interpreter interpreter;
    private readonly Dictionary<string, IArgumentOperation> arguments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);
    private int site = -1;
    private EquatableArray<ArgSite>? argSites;
    private NodeRef? receiver;

    public Call(Interpreter interpreter, IOperation at, string? @operator = null, params object?[] operands)
    {
        this.interpreter = interpreter;
        At = at;
        Operator = @operator ?? "";
        Operands = operands;
        if (at is IInvocationOperation invocation)
        {
            Method = invocation.TargetMethod.Name;
            foreach (var argument in invocation.Arguments)
            {
                arguments[argument.Parameter!.Name] = argument;
            }
        }
        else
        {
            Method = "";
        }
    }

    public IOperation At { get; }

    /// <summary>The operator method (<c>op_Addition</c>) of an operator on nodes; empty for a method call.</summary>
    public string Operator { get; }

    /// <summary>The evaluated operands of an operator on nodes (left, right; or the single operand).</summary>
    public IReadOnlyList<object?> Operands { get; }

    public string Method { get; }

    public string Kind => Method;

    public int Site => site >= 0 ? site : site = interpreter.CallSite(At.Syntax);

    public EquatableArray<ArgSite> ArgSites()
    {
        if (argSites is null)
        {
            var sites = new List<ArgSite>();
            foreach (var pair in arguments)
            {
                if (pair.Value.ArgumentKind == ArgumentKind.Explicit)
                {
                    sites.Add(new ArgSite(pair.Key, interpreter.Site(ValueSyntax(pair.Value))));
                }
            }

            argSites = sites.ToEquatableArray();
        }

        return argSites.Value;
    }

    public int SiteOf(string parameter)
    {
        foreach (var arg in ArgSites())
        {
            if (arg.Parameter == parameter)
            {
                return arg.Site;
            }
        }

        return Site;
    }

    /// <summary>The node a method is called on, evaluated once (the dispatch evaluates it before the arguments).</summary>
    public NodeRef Receiver()
    {
        if (receiver is not null)
        {
            return receiver;
        }

        var instance = ((IInvocationOperation)At).Instance;
        return instance is not null && FailedValue.Check(interpreter.Evaluate(instance)) is NodeRef node
            ? receiver = node
            : throw new InterpretationError(Descriptors.UninitializedNode, instance?.Syntax ?? At.Syntax, "The node '" + (instance is null ? Method : Interpreter.Text(instance)) + "'");
    }

    public object? Value(string parameter)
    {
        if (!values.TryGetValue(parameter, out var value))
        {
            value = arguments.TryGetValue(parameter, out var argument) ? interpreter.Evaluate(argument.Value, $"Argument '{parameter}' of {Kind}") : null;
            values[parameter] = value;
        }

        // An argument whose own mistake is reported: this call fails silently.
        return FailedValue.Check(value);
    }

    public NodeRef Node(string parameter) => Value(parameter) as NodeRef ??
        throw new InterpretationError(Descriptors.UninitializedNode, SyntaxOf(parameter), $"Argument '{parameter}' of {Kind}");

    public string String(string parameter) => Value(parameter) as string ??
        throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a string known at compile time, not null");

    public string? OptionalString(string parameter) => Value(parameter) is { } value
        ? value as string ?? throw Interpreter.NotConstant(arguments[parameter].Value, $"Argument '{parameter}' of {Kind}")
        : null;

    public bool Bool(string parameter, bool defaultValue = true) => Value(parameter) as bool? ?? defaultValue;

    public int Int(string parameter, int min) => OptionalInt(parameter, min) ??
        throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be an integer, not null");

    public int? OptionalInt(string parameter, int min)
    {
        var value = Value(parameter);
        if (value is null)
        {
            return null;
        }

        if (value is not long n)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be an integer but is {Interpreter.Describe(value)}");
        }

        if (n < min || n > int.MaxValue)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be at least {min.ToString(CultureInfo.InvariantCulture)} but is {n.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)n;
    }

    /// <summary>
    /// A size per spatial axis: an int (the same on each of <paramref name="rank"/> axes) or a tuple of one int per
    /// axis (<c>(3, 5)</c>), each at least <paramref name="min"/>; <paramref name="defaultValue"/> on every axis when
    /// the argument is absent or null (null then when there is no default).
    /// </summary>
    public EquatableArray<int>? IntsPerAxis(string parameter, int rank, int min, int? defaultValue = null)
    {
        var value = Value(parameter);
        if (value is null)
        {
            return defaultValue is int d ? Enumerable.Repeat(d, rank).ToEquatableArray() : null;
        }

        if (value is not object?[] items)
        {
            return Enumerable.Repeat(Int(parameter, min), rank).ToEquatableArray();
        }

        if (items.Length != 1 && items.Length != rank)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be an int or {rank} ints but has {items.Length}");
        }

        var sizes = new int[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i] is not long n || n < min || n > int.MaxValue)
            {
                throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must hold integers of at least {min.ToString(CultureInfo.InvariantCulture)} but is {Describe(value)}");
            }

            sizes[i] = (int)n;
        }

        return (items.Length == 1 ? Enumerable.Repeat(sizes[0], rank) : sizes).ToEquatableArray();
    }

    private static string Describe(object? value) => value is object?[] items
        ? "(" + string.Join(", ", items.Select(Interpreter.Format)) + ")"
        : Interpreter.Describe(value);

    /// <summary>A number, finite or not (the caller reports non-finite values with its own diagnostic).</summary>
    public double Number(string parameter) => Interpreter.IsNumber(Value(parameter))
        ? Interpreter.ToDouble(Value(parameter))
        : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a number but is {Interpreter.Describe(Value(parameter))}");

    public double Double(string parameter)
    {
        var value = Value(parameter);
        if (!Interpreter.IsNumber(value))
        {
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a number but is {Interpreter.Describe(value)}");
        }

        double d = Interpreter.ToDouble(value);
        return !double.IsNaN(d) && !double.IsInfinity(d)
            ? d
            : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a finite number");
    }

    public double Positive(string parameter)
    {
        double d = Double(parameter);
        return d > 0 ? d : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be positive but is {Interpreter.Format(d)}");
    }

    public double Fraction(string parameter)
    {
        double d = Double(parameter);
        return d >= 0 && d <= 1 ? d : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be between 0 and 1 but is {Interpreter.Format(d)}");
    }

    /// <summary>A string argument that must be one of <paramref name="allowed"/>; <paramref name="defaultValue"/> when absent.</summary>
    public string Choice(string parameter, string defaultValue, params string[] allowed)
    {
        string value = OptionalString(parameter) ?? defaultValue;
        return System.Array.IndexOf(allowed, value) >= 0
            ? value
            : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be {string.Join(" or ", allowed.Select(a => "\"" + a + "\""))} but is \"{value}\"");
    }

    /// <summary>A padding argument; <c>Padding.Causal</c> only where <paramref name="causal"/> (a Conv1d), else DSL0007 at it.</summary>
    public PaddingSpec Padding(string parameter, bool causal = false) => Value(parameter) switch
    {
        null => PaddingSpec.Valid,
        PaddingSpec { Mode: PaddingMode.Causal } when !causal => throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"Padding.Causal pads only the sequence of a Conv1d (left by dilation x (kernelSize - 1)); use Padding.Same, Padding.Valid or an int here, or pad explicitly first (.ZeroPad1d((left, 0)))"),
        PaddingSpec padding => padding,
        var other => throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be Padding.Valid, Padding.Same or an int but is {Interpreter.Describe(other)}"),
    };

    /// <summary>An array of nodes (<c>params Node[]</c>) with at least <paramref name="minimum"/> of them.</summary>
    public IReadOnlyList<NodeRef> Nodes(string parameter, int minimum)
    {
        var nodes = Array(parameter).Select(n => FailedValue.Check(n) as NodeRef ?? throw new InterpretationError(Descriptors.UninitializedNode, At.Syntax, "An operand of " + Kind)).ToList();
        return nodes.Count >= minimum
            ? nodes
            : throw new InterpretationError(Descriptors.InvalidArgument, At.Syntax, Kind, $"needs at least {minimum.ToString(CultureInfo.InvariantCulture)} nodes but got {nodes.Count.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// The name of the enum member an enum-typed argument evaluates to (<c>Init.HeNormal</c> gives "HeNormal"), read
    /// from the parameter's type so the generator needs no copy of the enum; null when the argument is absent.
    /// </summary>
    public string? EnumMember(string parameter)
    {
        var value = Value(parameter);
        if (value is null || !arguments.TryGetValue(parameter, out var argument) || argument.Parameter?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type)
        {
            return null;
        }

        return type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && System.Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) == value as long?)?.Name
            ?? throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a member of {type.Name} known at compile time");
    }

    public object?[] Array(string parameter) => Value(parameter) as object?[] ??
        throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be given");

    public IEnumerable<int> IntArray(string parameter) => Array(parameter).Select(v => v is long n && n >= int.MinValue && n <= int.MaxValue
        ? (int)n
        : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must hold integers known at compile time"));

    public SyntaxNode SyntaxOf(string parameter) =>
        arguments.TryGetValue(parameter, out var argument) && argument.ArgumentKind == ArgumentKind.Explicit ? ValueSyntax(argument) : At.Syntax;

    /// <summary>The argument's expression without its <c>name:</c> label, which is what a diagnostic underlines.</summary>
    private static SyntaxNode ValueSyntax(IArgumentOperation argument) =>
        argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax ? syntax.Expression : argument.Syntax;

    /// <summary>A numeric operand as a finite double (EvaluationFailed at the operator otherwise).</summary>
    public double FiniteOperand(object? value)
    {
        double d = Interpreter.ToDouble(value);
        return !double.IsNaN(d) && !double.IsInfinity(d)
            ? d
            : throw new InterpretationError(Descriptors.EvaluationFailed, At.Syntax, Interpreter.Text(At), "the constant is not a finite number");
    }
}
