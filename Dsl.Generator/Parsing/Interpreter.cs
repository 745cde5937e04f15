using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Runs Define at compile time over Roslyn's <see cref="IOperation"/> tree: the C# subset of a model
/// declaration (locals, loops, if / ?:, int / double / bool / string arithmetic, interpolation, arrays of
/// constants, static helper methods inlined). DSL calls are handed to <see cref="DslCalls"/>, which builds the
/// graph. Anything else stops interpretation with a diagnostic at that spot. Loops, helper nesting and the total
/// work are bounded, so a runaway declaration cannot hang the build.
/// </summary>
internal sealed class Interpreter
{
    public const int MaxLoopIterations = 10_000;
    public const int MaxCallDepth = 32;
    public const int MaxSteps = 1_000_000;

    /// <summary>
    /// What a helper call counts in <see cref="MaxSteps"/>: a call (a frame, its arguments, a return) costs about as
    /// much time as this many plain evaluation steps, so that the budget is one of time: a runaway declaration of
    /// any shape (a long loop, binary recursion) stops in well under a second.
    /// </summary>
    public const int CallCost = 16;

    private readonly Compilation compilation;
    private readonly CancellationToken cancellationToken;
    private readonly DslCalls calls;
    private readonly Dictionary<IMethodSymbol, IOperation?> helperBodies = new(SymbolEqualityComparer.Default);
    private Frame frame = new(null);
    private int depth;
    private int iterations;
    private int steps;
    private int nextCancellationCheck = 1024;

    public Interpreter(Compilation compilation, GraphBuilder graph, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.cancellationToken = cancellationToken;
        Graph = graph;
        calls = new DslCalls(this, graph);
    }

    public GraphBuilder Graph { get; }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    /// <summary>Interprets the body of Define with its graph parameter bound to the graph.</summary>
    public void RunDefine(IParameterSymbol graphParameter, IOperation body)
    {
        frame.Set(graphParameter, GraphRef.Instance);
        Execute(body);
    }

    // ----- sites -----

    /// <summary>The site of a call: from the method name to the closing parenthesis, or the whole expression.</summary>
    public int CallSite(SyntaxNode syntax) => Graph.AddSite(CallLocation(syntax));

    /// <summary>The location of a call from the method name to the closing parenthesis, or of the whole expression.</summary>
    public static Location CallLocation(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End);
            return Location.Create(syntax.SyntaxTree, span);
        }

        return syntax.GetLocation();
    }

    public int Site(SyntaxNode syntax) => Graph.AddSite(syntax.GetLocation());

    // ----- statements -----

    private Flow Execute(IOperation operation)
    {
        Step(operation);
        switch (operation)
        {
            case IMethodBodyOperation body:
                return Execute((IOperation?)body.BlockBody ?? body.ExpressionBody!);

            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    var flow = Execute(statement);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;

            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        frame.Set(declarator.Symbol, initializer is null ? Unassigned.Value : Evaluate(initializer.Value));
                    }
                }

                return Flow.Normal;

            case IExpressionStatementOperation statement:
                Evaluate(statement.Operation);
                return Flow.Normal;

            case IConditionalOperation conditional:
                if (EvaluateBool(conditional.Condition, "The condition of this 'if'"))
                {
                    return Execute(conditional.WhenTrue);
                }

                return conditional.WhenFalse is null ? Flow.Normal : Execute(conditional.WhenFalse);

            case IForLoopOperation loop:
                return ExecuteFor(loop);

            case IForEachLoopOperation loop:
                return ExecuteForEach(loop);

            case IWhileLoopOperation loop:
                return ExecuteWhile(loop);

            case IBranchOperation branch when branch.BranchKind == BranchKind.Break:
                return Flow.Break;

            case IBranchOperation branch when branch.BranchKind == BranchKind.Continue:
                return Flow.Continue;

            case IReturnOperation ret:
                frame.ReturnValue = ret.ReturnedValue is null ? null : Evaluate(ret.ReturnedValue);
                return Flow.Return;

            case IEmptyOperation:
                return Flow.Normal;

            default:
                throw Unsupported(operation, "this kind of statement is not supported; Define may use local variables, for / foreach / while loops, if / else, break / continue, return in helpers, and expression statements");
        }
    }

    private Flow ExecuteFor(IForLoopOperation loop)
    {
        foreach (var before in loop.Before)
        {
            Execute(before);
        }

        while (loop.Condition is null || EvaluateBool(loop.Condition, "The loop condition"))
        {
            if (Iterate(loop, loop.Body) is { } exit)
            {
                return exit;
            }

            foreach (var bottom in loop.AtLoopBottom)
            {
                Execute(bottom);
            }
        }

        return Flow.Normal;
    }

    private Flow ExecuteForEach(IForEachLoopOperation loop)
    {
        var collection = Evaluate(loop.Collection);
        if (collection is not object?[] items)
        {
            throw NotConstant(loop.Collection, "The collection of this 'foreach'");
        }

        foreach (var item in items.ToArray())
        {
            switch (loop.LoopControlVariable)
            {
                case IVariableDeclaratorOperation declarator:
                    frame.Set(declarator.Symbol, item);
                    break;
                case IVariableDeclarationOperation declaration when declaration.Declarators.Length == 1:
                    frame.Set(declaration.Declarators[0].Symbol, item);
                    break;
                default:
                    throw Unsupported(loop.LoopControlVariable, "only a single loop variable is supported");
            }

            if (Iterate(loop, loop.Body) is { } exit)
            {
                return exit;
            }
        }

        return Flow.Normal;
    }

    private Flow ExecuteWhile(IWhileLoopOperation loop)
    {
        bool first = true;
        while (true)
        {
            if (loop.Condition is not null && (loop.ConditionIsTop || !first))
            {
                bool value = EvaluateBool(loop.Condition, "The loop condition");
                if (value == loop.ConditionIsUntil)
                {
                    break;
                }
            }

            first = false;
            if (Iterate(loop, loop.Body) is { } exit)
            {
                return exit;
            }
        }

        return Flow.Normal;
    }

    /// <summary>Runs one iteration of a loop's body: null to go on, or the flow that ends the loop (normal after a break, or a return).</summary>
    private Flow? Iterate(IOperation loop, IOperation body)
    {
        CountIteration(loop);
        return Execute(body) switch
        {
            Flow.Break => Flow.Normal,
            Flow.Return => Flow.Return,
            _ => null,
        };
    }

    private void CountIteration(IOperation loop)
    {
        if (++iterations > MaxLoopIterations)
        {
            // Underline the condition: it is what keeps the loop going.
            var at = loop switch
            {
                IForLoopOperation { Condition: { } condition } => condition.Syntax,
                IWhileLoopOperation { Condition: { } condition } => condition.Syntax,
                IForEachLoopOperation forEach => forEach.Collection.Syntax,
                _ => loop.Syntax,
            };
            throw new InterpretationError(Descriptors.RunawayLoop, at, MaxLoopIterations.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Step(IOperation operation, int cost = 1)
    {
        steps += cost;
        if (steps > MaxSteps)
        {
            throw new InterpretationError(Descriptors.BudgetExceeded, operation.Syntax, MaxSteps.ToString(CultureInfo.InvariantCulture), "evaluation steps");
        }

        if (steps >= nextCancellationCheck)
        {
            nextCancellationCheck = steps + 1024;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    // ----- expressions -----

    public bool EvaluateBool(IOperation operation, string purpose) =>
        Evaluate(operation, purpose) is bool b ? b : throw NotConstant(operation, purpose);

    public object? Evaluate(IOperation operation, string purpose)
    {
        try
        {
            return Evaluate(operation);
        }
        catch (InterpretationError error) when (error.Descriptor == Descriptors.NotConstant && error.Args.Length == 2 && error.Args[0] == "This value")
        {
            throw new InterpretationError(Descriptors.NotConstant, error.At, purpose, error.Args[1]);
        }
    }

    public object? Evaluate(IOperation operation)
    {
        Step(operation);
        if (operation.ConstantValue.HasValue)
        {
            return Normalize(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case ILiteralOperation literal:
                return Normalize(literal.ConstantValue.Value);

            case IConversionOperation conversion:
                return Convert(conversion);

            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);

            case ILocalReferenceOperation local:
                return Read(local.Local, operation);

            case IParameterReferenceOperation parameter:
                return Read(parameter.Parameter, operation);

            case IBinaryOperation binary:
                return Binary(binary);

            case IUnaryOperation unary:
                return Unary(unary);

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return EvaluateBool(conditional.Condition, "The condition of this '?:'")
                    ? Evaluate(conditional.WhenTrue)
                    : Evaluate(conditional.WhenFalse);

            case ICoalesceOperation coalesce:
                return Evaluate(coalesce.Value) ?? Evaluate(coalesce.WhenNull);

            case ISimpleAssignmentOperation assignment:
                {
                    var value = Evaluate(assignment.Value);
                    Assign(assignment.Target, value);
                    return value;
                }

            case ICompoundAssignmentOperation compound:
                {
                    var left = Evaluate(compound.Target);
                    var right = Evaluate(compound.Value);
                    var value = compound.OperatorMethod is not null
                        ? calls.Operator(compound.OperatorMethod, left, right, compound)
                        : Arithmetic(compound.OperatorKind, left, right, compound);
                    value = ConvertTo(compound.Target.Type, value, compound);
                    Assign(compound.Target, value);
                    return value;
                }

            case IIncrementOrDecrementOperation increment:
                {
                    var old = Evaluate(increment.Target);
                    if (old is not long n)
                    {
                        throw NotConstant(increment.Target, "This value");
                    }

                    long updated = increment.Kind == OperationKind.Increment ? n + 1 : n - 1;
                    Assign(increment.Target, updated);
                    return increment.IsPostfix ? n : updated;
                }

            case IInterpolatedStringOperation interpolated:
                return Interpolate(interpolated);

            case IArrayCreationOperation array:
                return CreateArray(array);

            case IArrayInitializerOperation initializer:
                return initializer.ElementValues.Select(Evaluate).ToArray();

            case IArrayElementReferenceOperation element:
                {
                    var (items, index) = ElementOf(element);
                    return items[index];
                }

            case IPropertyReferenceOperation property:
                return Property(property);

            case IFieldReferenceOperation field:
                return Field(field);

            case IInvocationOperation invocation:
                return Invoke(invocation);

            case IDefaultValueOperation defaultValue:
                return DefaultOf(defaultValue.Type);

            case IDelegateCreationOperation or IAnonymousFunctionOperation:
                throw Unsupported(operation, "lambdas are only supported as the body of g.Block");

            case IInvalidOperation:
                throw new InterpretationError(Descriptors.EvaluationFailed, operation.Syntax, Text(operation), "the expression does not compile");

            default:
                throw NotConstant(operation, "This value");
        }
    }

    private object? Read(ISymbol symbol, IOperation at)
    {
        if (!frame.TryGet(symbol, out var value))
        {
            throw NotConstant(at, "This value");
        }

        if (value is Unassigned)
        {
            throw new InterpretationError(Descriptors.UninitializedNode, at.Syntax, $"'{symbol.Name}'");
        }

        return value;
    }

    private void Assign(IOperation target, object? value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                frame.Set(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                frame.Set(parameter.Parameter, value);
                break;
            case IArrayElementReferenceOperation element:
                {
                    var (items, index) = ElementOf(element);
                    items[index] = value;
                    break;
                }

            default:
                throw Unsupported(target, "only locals, parameters and array elements can be assigned");
        }
    }

    private (object?[] Items, int Index) ElementOf(IArrayElementReferenceOperation element)
    {
        if (Evaluate(element.ArrayReference) is not object?[] items || element.Indices.Length != 1)
        {
            throw Unsupported(element, "only one-dimensional arrays of constants can be indexed");
        }

        if (Evaluate(element.Indices[0]) is not long index)
        {
            throw NotConstant(element.Indices[0], "The array index");
        }

        if (index < 0 || index >= items.Length)
        {
            throw new InterpretationError(Descriptors.EvaluationFailed, element.Syntax, Text(element), $"index {index} is outside the array of length {items.Length}");
        }

        return (items, (int)index);
    }

    private object?[] CreateArray(IArrayCreationOperation array)
    {
        if (array.Initializer is not null)
        {
            return array.Initializer.ElementValues.Select(Evaluate).ToArray();
        }

        if (array.DimensionSizes.Length == 1 && Evaluate(array.DimensionSizes[0]) is long length && length >= 0 && length <= 100_000)
        {
            var elementType = ((IArrayTypeSymbol)array.Type!).ElementType;
            var items = new object?[length];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = DefaultOf(elementType);
            }

            return items;
        }

        throw Unsupported(array, "arrays must be one-dimensional, with a constant size or an initializer");
    }

    private object? Property(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;
        if (symbol.IsIndexer && property.Instance is not null && Evaluate(property.Instance) is ApplyAllRef application && property.Arguments.Length == 1)
        {
            return calls.OutputOf(application, Evaluate(property.Arguments[0].Value), property);
        }

        if (symbol.Name == "Length" && property.Instance is not null)
        {
            var instance = Evaluate(property.Instance);
            switch (instance)
            {
                case object?[] items:
                    return (long)items.Length;
                case string s:
                    return (long)s.Length;
            }
        }

        if (DslCalls.IsDslType(symbol.ContainingType))
        {
            return calls.StaticProperty(symbol, property);
        }

        throw NotConstant(property, "This value");
    }

    private object? Field(IFieldReferenceOperation field)
    {
        var symbol = field.Field;
        if (symbol.IsStatic && symbol.IsReadOnly)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                    compilation.GetSemanticModel(reference.SyntaxTree).GetOperation(initializer.Value, cancellationToken) is { } value)
                {
                    return Evaluate(value);
                }
            }
        }

        throw NotConstant(field, "This value");
    }

    private object? Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (DslCalls.IsDslType(method.ContainingType))
        {
            return calls.Invoke(invocation);
        }

        if (method.ContainingType.SpecialType == SpecialType.None && method.ContainingType.ToDisplayString() == "System.Math")
        {
            return MathCall(invocation);
        }

        if (method.IsStatic && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0 && method.MethodKind == MethodKind.Ordinary)
        {
            return InlineHelper(invocation);
        }

        throw Unsupported(invocation, $"'{method.ContainingType.Name}.{method.Name}' cannot run at compile time; only DSL methods, Math.Min / Max / Abs and static helper methods declared in this project can");
    }

    /// <summary>Runs a lambda (a shared block's body) with its single parameter bound to <paramref name="argument"/>.</summary>
    /// <summary>The current frame, captured by a lambda when it is declared (see <see cref="InvokeLambda"/>).</summary>
    public object CurrentFrame => frame;

    public object? InvokeLambda(IAnonymousFunctionOperation lambda, object enclosing, object? argument)
    {
        if (lambda.Symbol.Parameters.Length != 1)
        {
            throw Unsupported(lambda, "a block's lambda takes exactly one node");
        }

        var callee = new Frame(frame, (Frame)enclosing);
        callee.Set(lambda.Symbol.Parameters[0], argument);
        var caller = frame;
        frame = callee;
        try
        {
            Execute(lambda.Body);
            return callee.ReturnValue;
        }
        finally
        {
            frame = caller;
        }
    }

    private object? InlineHelper(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        Step(invocation, CallCost);
        var body = BodyOf(method);
        if (body is not IMethodBodyOperation)
        {
            throw Unsupported(invocation, $"the body of '{method.Name}' is not available in source");
        }

        if (depth >= MaxCallDepth)
        {
            throw new InterpretationError(Descriptors.RecursionTooDeep, invocation.Syntax, method.Name, MaxCallDepth.ToString(CultureInfo.InvariantCulture));
        }

        var callee = new Frame(frame);
        foreach (var argument in invocation.Arguments)
        {
            callee.Set(argument.Parameter!, Evaluate(argument.Value));
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

    /// <summary>A helper's bound body, bound once per interpretation: binding is by far the dearest part of a call.</summary>
    private IOperation? BodyOf(IMethodSymbol method)
    {
        if (!helperBodies.TryGetValue(method, out var body))
        {
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            body = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
            helperBodies[method] = body;
        }

        return body;
    }

    private object? MathCall(IInvocationOperation invocation)
    {
        var args = invocation.Arguments.Select(a => Evaluate(a.Value)).ToArray();
        string name = invocation.TargetMethod.Name;
        if (args.All(IsNumber) && (args.Length == 2 && name is "Max" or "Min" || args.Length == 1 && name == "Abs"))
        {
            if (args.All(a => a is long))
            {
                long a = (long)args[0]!;
                return name == "Abs" ? Math.Abs(a) : name == "Max" ? Math.Max(a, (long)args[1]!) : Math.Min(a, (long)args[1]!);
            }

            double x = ToDouble(args[0]);
            return name == "Abs" ? Math.Abs(x) : name == "Max" ? Math.Max(x, ToDouble(args[1])) : Math.Min(x, ToDouble(args[1]));
        }

        throw Unsupported(invocation, $"'Math.{name}' cannot run at compile time; only Math.Min, Math.Max and Math.Abs on numbers can");
    }

    private object? Convert(IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is { } method && DslCalls.IsDslType(method.ContainingType))
        {
            return calls.Conversion(method, Evaluate(conversion.Operand), conversion);
        }

        return ConvertTo(conversion.Type, Evaluate(conversion.Operand), conversion);
    }

    private object? ConvertTo(ITypeSymbol? type, object? value, IOperation at)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type?.SpecialType)
        {
            case SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte:
                return value switch
                {
                    long n => n,
                    double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 9e18 => (long)d,
                    null => null,
                    _ => throw new InterpretationError(Descriptors.EvaluationFailed, at.Syntax, Text(at), $"cannot convert {Describe(value)} to an integer"),
                };
            case SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal:
                return value is long l ? (double)l : value;
            default:
                return value;
        }
    }

    private object? Binary(IBinaryOperation binary)
    {
        if (binary.OperatorMethod is not null)
        {
            return calls.Operator(binary.OperatorMethod, Evaluate(binary.LeftOperand), Evaluate(binary.RightOperand), binary);
        }

        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd:
                return EvaluateBool(binary.LeftOperand, "This condition") && EvaluateBool(binary.RightOperand, "This condition");
            case BinaryOperatorKind.ConditionalOr:
                return EvaluateBool(binary.LeftOperand, "This condition") || EvaluateBool(binary.RightOperand, "This condition");
        }

        return Arithmetic(binary.OperatorKind, Evaluate(binary.LeftOperand), Evaluate(binary.RightOperand), binary);
    }

    private object? Arithmetic(BinaryOperatorKind kind, object? left, object? right, IOperation at)
    {
        if (kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            bool equal = left is long || left is double ? IsNumber(right) && ToDouble(left) == ToDouble(right) : Equals(left, right) || ReferenceEquals(left, right);
            return kind == BinaryOperatorKind.Equals ? equal : !equal;
        }

        if (kind == BinaryOperatorKind.Add && (left is string || right is string))
        {
            return Format(left) + Format(right);
        }

        if (left is bool lb && right is bool rb)
        {
            return kind switch
            {
                BinaryOperatorKind.And => lb & rb,
                BinaryOperatorKind.Or => lb | rb,
                BinaryOperatorKind.ExclusiveOr => lb ^ rb,
                _ => throw Unsupported(at, $"the operator {kind} is not supported on booleans"),
            };
        }

        if (left is long a && right is long b)
        {
            try
            {
                return kind switch
                {
                    BinaryOperatorKind.Add => checked(a + b),
                    BinaryOperatorKind.Subtract => checked(a - b),
                    BinaryOperatorKind.Multiply => checked(a * b),
                    BinaryOperatorKind.Divide => b == 0 ? throw DivideByZero(at) : a / b,
                    BinaryOperatorKind.Remainder => b == 0 ? throw DivideByZero(at) : a % b,
                    BinaryOperatorKind.LeftShift => a << (int)b,
                    BinaryOperatorKind.RightShift => a >> (int)b,
                    BinaryOperatorKind.And => a & b,
                    BinaryOperatorKind.Or => a | b,
                    BinaryOperatorKind.ExclusiveOr => a ^ b,
                    BinaryOperatorKind.LessThan => a < b,
                    BinaryOperatorKind.LessThanOrEqual => a <= b,
                    BinaryOperatorKind.GreaterThan => a > b,
                    BinaryOperatorKind.GreaterThanOrEqual => a >= b,
                    _ => throw Unsupported(at, $"the operator {kind} is not supported"),
                };
            }
            catch (OverflowException)
            {
                throw new InterpretationError(Descriptors.EvaluationFailed, at.Syntax, Text(at), "the integer arithmetic overflows");
            }
        }

        if (IsNumber(left) && IsNumber(right))
        {
            double x = ToDouble(left), y = ToDouble(right);
            return kind switch
            {
                BinaryOperatorKind.Add => x + y,
                BinaryOperatorKind.Subtract => x - y,
                BinaryOperatorKind.Multiply => x * y,
                BinaryOperatorKind.Divide => x / y,
                BinaryOperatorKind.Remainder => x % y,
                BinaryOperatorKind.LessThan => x < y,
                BinaryOperatorKind.LessThanOrEqual => x <= y,
                BinaryOperatorKind.GreaterThan => x > y,
                BinaryOperatorKind.GreaterThanOrEqual => x >= y,
                _ => throw Unsupported(at, $"the operator {kind} is not supported on real numbers"),
            };
        }

        throw new InterpretationError(Descriptors.EvaluationFailed, at.Syntax, Text(at), $"the operands are {Describe(left)} and {Describe(right)}");
    }

    private object? Unary(IUnaryOperation unary)
    {
        var operand = Evaluate(unary.Operand);
        if (unary.OperatorMethod is not null)
        {
            return calls.Negate(unary.OperatorMethod, operand, unary);
        }

        return (unary.OperatorKind, operand) switch
        {
            (UnaryOperatorKind.Minus, long n) => -n,
            (UnaryOperatorKind.Minus, double d) => -d,
            (UnaryOperatorKind.Plus, long n) => n,
            (UnaryOperatorKind.Plus, double d) => d,
            (UnaryOperatorKind.Not, bool b) => !b,
            (UnaryOperatorKind.BitwiseNegation, long n) => ~n,
            _ => throw new InterpretationError(Descriptors.EvaluationFailed, unary.Syntax, Text(unary), $"the operand is {Describe(operand)}"),
        };
    }

    private string Interpolate(IInterpolatedStringOperation interpolated)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation literal:
                    text.Append(literal.Text.ConstantValue.Value as string);
                    break;
                case IInterpolationOperation hole:
                    {
                        var value = Evaluate(hole.Expression);
                        string? format = hole.FormatString?.ConstantValue.Value as string;
                        long alignment = hole.Alignment is null ? 0 : Evaluate(hole.Alignment) as long? ?? 0;
                        string formatted = value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : Format(value);
                        text.Append(alignment >= 0 ? formatted.PadLeft((int)alignment) : formatted.PadRight((int)-alignment));
                        break;
                    }

                default:
                    throw Unsupported(part, "this part of an interpolated string is not supported");
            }
        }

        return text.ToString();
    }

    // ----- helpers -----

    private static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        long l => l,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        _ => value,
    };

    private static object? DefaultOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type.ToDisplayString() == "Dsl.Padding")
        {
            return PaddingSpec.Valid;
        }

        return type.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte => 0L,
            SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal => 0.0,
            SpecialType.System_Boolean => false,
            _ => null,
        };
    }

    public static bool IsNumber(object? value) => value is long || value is double;

    public static double ToDouble(object? value) => value is long l ? l : (double)value!;

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => value.ToString() ?? "",
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        long l => "the integer " + l.ToString(CultureInfo.InvariantCulture),
        double d => "the number " + d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => "the string \"" + s + "\"",
        NodeRef => "a node",
        GraphRef => "the graph",
        object?[] items => $"an array of {items.Length}",
        _ => value.ToString() ?? "a value",
    };

    public static string Text(IOperation operation)
    {
        string text = operation.Syntax.ToString();
        text = string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
    }

    private static InterpretationError DivideByZero(IOperation at) =>
        new(Descriptors.EvaluationFailed, at.Syntax, Text(at), "it divides by zero");

    public static InterpretationError NotConstant(IOperation at, string purpose) =>
        new(Descriptors.NotConstant, at.Syntax, purpose, Text(at));

    public static InterpretationError Unsupported(IOperation at, string what) =>
        new(Descriptors.Unsupported, at.Syntax, Text(at), what);

    /// <summary>Marks a local declared without a value.</summary>
    private sealed class Unassigned
    {
        public static readonly Unassigned Value = new();
    }

    /// <summary>The locals and parameters of Define or of one inlined helper call.</summary>
    private sealed class Frame
    {
        private readonly Dictionary<ISymbol, object?> values = new(SymbolEqualityComparer.Default);

        public Frame(Frame? caller, Frame? enclosing = null)
        {
            Caller = caller;
            Enclosing = enclosing;
        }

        public Frame? Caller { get; }

        /// <summary>For a lambda: the frame it was written in, whose locals it reads (a closure).</summary>
        public Frame? Enclosing { get; }

        public object? ReturnValue { get; set; }

        public void Set(ISymbol symbol, object? value) => values[symbol] = value;

        public bool TryGet(ISymbol symbol, out object? value)
        {
            for (var scope = this; scope is not null; scope = scope.Enclosing)
            {
                if (scope.values.TryGetValue(symbol, out value))
                {
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
