using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Functions as values and the C# that reads them: lambdas and method groups (for LINQ, <c>Func&lt;Node, Node&gt;</c>
/// locals), local functions, patterns (<c>skips is null</c>, <c>is not null</c>, switch expressions), null-conditional
/// access (<c>skips?.Relu()</c>), tuple deconstruction (<c>var (a, b) = x.Chunk(2, -1)</c>) and tuple elements.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>The frames local functions were declared in (their closures), by symbol.</summary>
    private readonly Dictionary<IMethodSymbol, Frame> localFunctionFrames = new(SymbolEqualityComparer.Default);

    /// <summary>The values of the <c>?.</c> accesses being evaluated, innermost last.</summary>
    private readonly Stack<object?> conditionalInstances = new();

    /// <summary>A lambda with the frame it was written in (its closure).</summary>
    private sealed class LambdaValue
    {
        public LambdaValue(IAnonymousFunctionOperation body, Frame enclosing)
        {
            Body = body;
            Enclosing = enclosing;
        }

        public IAnonymousFunctionOperation Body { get; }

        public Frame Enclosing { get; }
    }

    /// <summary>A method group (<c>xs.Select(Block)</c>) naming a static helper or a local function.</summary>
    private sealed class MethodGroupValue
    {
        public MethodGroupValue(IMethodSymbol method) => Method = method;

        public IMethodSymbol Method { get; }
    }

    private object FunctionValue(IOperation operation)
    {
        var target = operation is IDelegateCreationOperation creation ? creation.Target : operation;
        return target switch
        {
            IAnonymousFunctionOperation lambda => new LambdaValue(lambda, frame),
            IMethodReferenceOperation { Method: var method } when method.DeclaringSyntaxReferences.Length > 0 && (method.IsStatic || method.MethodKind == MethodKind.LocalFunction) => new MethodGroupValue(method),
            _ => throw Unsupported(operation, "only lambdas, static helper methods and local functions declared in this project can be used as functions in Define"),
        };
    }

    /// <summary>Calls a lambda or method group with <paramref name="arguments"/> (extra arguments, such as an index, are dropped when it takes fewer).</summary>
    private object? CallFunction(object? function, IOperation at, params object?[] arguments)
    {
        switch (FailedValue.Check(function))
        {
            case LambdaValue lambda:
                {
                    var parameters = lambda.Body.Symbol.Parameters;
                    if (parameters.Length > arguments.Length)
                    {
                        throw Unsupported(at, $"this function takes {parameters.Length} parameters where {arguments.Length} are given");
                    }

                    return RunFunction(at, new Frame(frame, lambda.Enclosing), parameters, arguments, lambda.Body.Body);
                }

            case MethodGroupValue group:
                {
                    var parameters = group.Method.Parameters;
                    if (parameters.Length > arguments.Length)
                    {
                        throw Unsupported(at, $"'{group.Method.Name}' takes {parameters.Length} parameters where {arguments.Length} are given");
                    }

                    return RunFunction(at, new Frame(frame, EnclosingOf(group.Method)), parameters, arguments, HelperBody(group.Method, at));
                }

            default:
                throw NotConstant(at, "This function");
        }
    }

    private object? RunFunction(IOperation at, Frame callee, IReadOnlyList<IParameterSymbol> parameters, object?[] arguments, IOperation body)
    {
        Step(at, CallCost);
        if (depth >= MaxCallDepth)
        {
            throw new InterpretationError(Descriptors.RecursionTooDeep, at.Syntax, Text(at), MaxCallDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < parameters.Count; i++)
        {
            callee.Set(parameters[i], arguments[i]);
        }

        var caller = frame;
        frame = callee;
        depth++;
        try
        {
            Execute(body);
            return callee.ReturnValue;
        }
        finally
        {
            depth--;
            frame = caller;
        }
    }

    /// <summary>A local function's closure: the frame it was declared in, else the caller's (a call above its declaration).</summary>
    private Frame? EnclosingOf(IMethodSymbol method) =>
        method.MethodKind != MethodKind.LocalFunction ? null
        : localFunctionFrames.TryGetValue(method, out var declared) ? declared
        : frame;

    /// <summary>The body of a static helper or a local function, bound once.</summary>
    private IOperation HelperBody(IMethodSymbol method, IOperation at) => BodyOf(method) switch
    {
        IMethodBodyOperation body => body,
        ILocalFunctionOperation local => (IOperation?)local.Body ?? throw Unsupported(at, $"the body of '{method.Name}' is not available in source"),
        _ => throw Unsupported(at, $"the body of '{method.Name}' is not available in source"),
    };

    /// <summary>Calls through a delegate value: <c>Func&lt;Node, Node&gt; f = x =&gt; ...; f(x)</c>.</summary>
    private object? InvokeDelegate(IInvocationOperation invocation) =>
        CallFunction(Evaluate(invocation.Instance!), invocation, invocation.Arguments.Select(a => Evaluate(a.Value)).ToArray());

    // ----- patterns -----

    private bool Matches(object? value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                {
                    var expected = Evaluate(constant.Value);
                    return value is null || expected is null ? value is null && expected is null : Arithmetic(BinaryOperatorKind.Equals, value, expected, constant) is true;
                }

            case INegatedPatternOperation negated:
                return !Matches(value, negated.Pattern);
            case IBinaryPatternOperation binary:
                return binary.OperatorKind == BinaryOperatorKind.Or
                    ? Matches(value, binary.LeftPattern) || Matches(value, binary.RightPattern)
                    : Matches(value, binary.LeftPattern) && Matches(value, binary.RightPattern);
            case IDiscardPatternOperation:
                return true;
            case IRelationalPatternOperation relational:
                return IsNumber(FailedValue.Check(value)) && Arithmetic(relational.OperatorKind, value, Evaluate(relational.Value), relational) is true;
            case ITypePatternOperation typePattern:
                return IsOfType(value, typePattern.MatchedType);
            case IDeclarationPatternOperation declaration:
                if (value is null || (!declaration.MatchesNull && !IsOfType(value, declaration.MatchedType)))
                {
                    return false;
                }

                if (declaration.DeclaredSymbol is { } symbol)
                {
                    frame.Set(symbol, value);
                }

                return true;
            default:
                throw Unsupported(pattern, "only null, constant, relational, type, 'not', 'and', 'or' and declaration patterns work in Define");
        }
    }

    private static bool IsOfType(object? value, ITypeSymbol? type)
    {
        if (value is null || type is null)
        {
            return false;
        }

        return FailedValue.Check(value) switch
        {
            NodeRef => type.Name == "Node",
            long => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Object,
            double => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Object,
            bool => type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Object,
            string => type.SpecialType is SpecialType.System_String or SpecialType.System_Object,
            _ => type.SpecialType == SpecialType.System_Object,
        };
    }

    private object? SwitchExpression(ISwitchExpressionOperation expression)
    {
        var value = FailedValue.Check(Evaluate(expression.Value));
        foreach (var arm in expression.Arms)
        {
            if (Matches(value, arm.Pattern) && (arm.Guard is null || EvaluateBool(arm.Guard, "The guard of this case")))
            {
                return Evaluate(arm.Value);
            }
        }

        throw new InterpretationError(Descriptors.EvaluationFailed, expression.Syntax, Text(expression), $"no case matches {Describe(value)}");
    }

    // ----- ?. -----

    private object? ConditionalAccess(IConditionalAccessOperation access)
    {
        var instance = Evaluate(access.Operation);
        if (instance is null)
        {
            return null;
        }

        conditionalInstances.Push(instance);
        try
        {
            return Evaluate(access.WhenNotNull);
        }
        finally
        {
            conditionalInstances.Pop();
        }
    }

    private object? ConditionalInstance(IOperation at) =>
        conditionalInstances.Count > 0 ? conditionalInstances.Peek() : throw NotConstant(at, "This value");

    // ----- tuples -----

    /// <summary><c>var (a, b) = x.Chunk(2, -1);</c> and <c>(a, b) = (b, a);</c>: the elements of an array, list or tuple, by position.</summary>
    private object? Deconstruct(IDeconstructionAssignmentOperation deconstruction)
    {
        var value = Evaluate(deconstruction.Value);
        AssignDeconstructed(deconstruction.Target, value, deconstruction);
        return value;
    }

    private void AssignDeconstructed(IOperation target, object? value, IOperation at)
    {
        while (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is not ITupleOperation tuple)
        {
            switch (target)
            {
                case IDiscardOperation:
                    return;
                case ILocalReferenceOperation local:
                    frame.Assign(local.Local, value);
                    return;
                default:
                    Assign(target, value);
                    return;
            }
        }

        if (value is FailedValue)
        {
            foreach (var element in tuple.Elements)
            {
                AssignDeconstructed(element, value, at);
            }

            return;
        }

        var items = value is object?[] or List<object?> ? Items(value, at) : throw NotConstant(at, "The value deconstructed here");
        if (items.Count != tuple.Elements.Length)
        {
            throw new InterpretationError(Descriptors.EvaluationFailed, at.Syntax, Text(at), $"it deconstructs {items.Count} element(s) into {tuple.Elements.Length} variables; give as many variables as pieces");
        }

        for (int i = 0; i < items.Count; i++)
        {
            AssignDeconstructed(tuple.Elements[i], items[i], at);
        }
    }

    /// <summary><c>pair.Item2</c> or a named element of a tuple, held as an array.</summary>
    private bool TryTupleElement(IFieldReferenceOperation field, out object? value)
    {
        value = null;
        if (field.Field.ContainingType is not { IsTupleType: true } || field.Instance is null)
        {
            return false;
        }

        string name = field.Field.CorrespondingTupleField?.Name ?? field.Field.Name;
        if (!name.StartsWith("Item", StringComparison.Ordinal) || !int.TryParse(name.Substring(4), out int position))
        {
            return false;
        }

        var items = Items(Evaluate(field.Instance), field);
        value = position >= 1 && position <= items.Count ? items[position - 1] : throw NotConstant(field, "This tuple element");
        return true;
    }
}
