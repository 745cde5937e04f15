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

/// <summary>Plain C# expressions: literals, locals, fields, properties, arrays, conversions, operators, interpolation.</summary>
internal sealed partial class Interpreter
{
    public bool EvaluateBool(IOperation operation, string purpose) =>
        FailedValue.Check(Evaluate(operation, purpose)) is bool b ? b : throw NotConstant(operation, purpose);

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

            case ITupleOperation tuple:
                // A tuple of constants ((3, 5) as a kernel size) is held as an array of its elements.
                return tuple.Elements.Select(Evaluate).ToArray();

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
                return FunctionValue(operation);

            case IObjectCreationOperation creation:
                return CreateObject(creation);

            case ICollectionExpressionOperation collection:
                return CreateCollection(collection);

            case IIsPatternOperation isPattern:
                return Matches(Evaluate(isPattern.Value), isPattern.Pattern);

            case ISwitchExpressionOperation switchExpression:
                return SwitchExpression(switchExpression);

            case IConditionalAccessOperation access:
                return ConditionalAccess(access);

            case IConditionalAccessInstanceOperation:
                return ConditionalInstance(operation);

            case IDeconstructionAssignmentOperation deconstruction:
                return Deconstruct(deconstruction);

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
                frame.Assign(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                frame.Assign(parameter.Parameter, value);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer
                when FailedValue.Check(Evaluate(instance)) is List<object?> or Dictionary<object, object?>:
                SetElement(Evaluate(instance)!, indexer, value);
                break;
            case IArrayElementReferenceOperation element:
                {
                    var (items, index) = ElementOf(element);
                    items[index] = value;
                    break;
                }

            default:
                throw Unsupported(target, "only locals, parameters and elements of arrays, lists and dictionaries can be assigned");
        }
    }

    private (object?[] Items, int Index) ElementOf(IArrayElementReferenceOperation element)
    {
        if (FailedValue.Check(Evaluate(element.ArrayReference)) is not object?[] items || element.Indices.Length != 1)
        {
            throw Unsupported(element, "only one-dimensional arrays of constants can be indexed");
        }

        if (FailedValue.Check(Evaluate(element.Indices[0])) is not long index)
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
        // The instance is read only for the properties Define can evaluate, so 'DateTime.Now.Second' is refused as a whole.
        var type = symbol.ContainingType;
        bool readable = property.Instance is not null &&
            (symbol.IsIndexer || DslCalls.IsDslType(type) || IsList(type) || IsDictionary(type) || IsType(type, "System.Collections.Generic.KeyValuePair<TKey, TValue>") ||
             symbol.Name == "Length" && (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Array || property.Instance!.Type is IArrayTypeSymbol));
        var instance = readable ? FailedValue.Check(Evaluate(property.Instance!)) : null;
        if (symbol.IsIndexer && instance is ApplyAllRef application && property.Arguments.Length == 1)
        {
            return calls.OutputOf(application, FailedValue.Check(Evaluate(property.Arguments[0].Value)), property);
        }

        if (symbol.Name == "Length")
        {
            switch (instance)
            {
                case object?[] items:
                    return (long)items.Length;
                case string s:
                    return (long)s.Length;
            }
        }

        if (instance is not null && CollectionProperty(property, instance, out var value))
        {
            return value;
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
        if (TryTupleElement(field, out var element))
        {
            return element;
        }

        if (symbol.IsStatic && symbol.IsReadOnly)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reads.Syntax(reference, cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                    reads.Bind(compilation, reference.SyntaxTree).GetOperation(initializer.Value, cancellationToken) is { } value)
                {
                    return Evaluate(value);
                }
            }
        }

        throw NotConstant(field, "This value");
    }

    private object? Convert(IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is { } method && DslCalls.IsDslType(method.ContainingType))
        {
            var operand = Evaluate(conversion.Operand);
            return Recovering(() => calls.Conversion(method, operand, conversion));
        }

        return ConvertTo(conversion.Type, Evaluate(conversion.Operand), conversion);
    }

    private object? ConvertTo(ITypeSymbol? type, object? value, IOperation at)
    {
        if (value is FailedValue)
        {
            return value;
        }

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
            var left = Evaluate(binary.LeftOperand);
            var right = Evaluate(binary.RightOperand);
            return Recovering(() => calls.Operator(binary.OperatorMethod, left, right, binary));
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
        FailedValue.Check(left);
        FailedValue.Check(right);
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
            return Recovering(() => calls.Negate(unary.OperatorMethod, operand, unary));
        }

        FailedValue.Check(operand);
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
                        var value = FailedValue.Check(Evaluate(hole.Expression));
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
}
