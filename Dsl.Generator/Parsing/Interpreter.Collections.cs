using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Collections in Define: <c>List&lt;T&gt;</c> (held as a <see cref="List{T}"/> of values), <c>Dictionary&lt;K, V&gt;</c>
/// (a <see cref="Dictionary{TKey, TValue}"/>, insertion-ordered), arrays (<c>object?[]</c>), collection expressions and
/// initializers, their common members, and the LINQ operators that evaluate at compile time.
/// </summary>
internal sealed partial class Interpreter
{
    private const string Alternatives = "Define may use arrays, List<T> and Dictionary<K, V> (Add, Insert, RemoveAt, Clear, Contains, ContainsKey, Count, indexers) and the LINQ operators Select, Where, Aggregate, Sum, Count, Min, Max, Any, All, First, Last, Skip, Take, Reverse, Concat, Zip, ToArray, ToList, Enumerable.Range and Enumerable.Repeat";

    private static bool IsType(ITypeSymbol? type, string metadataName) =>
        type is INamedTypeSymbol named && named.OriginalDefinition.ToDisplayString() == metadataName;

    private static bool IsList(ITypeSymbol? type) => IsType(type, "System.Collections.Generic.List<T>");

    private static bool IsDictionary(ITypeSymbol? type) => IsType(type, "System.Collections.Generic.Dictionary<TKey, TValue>");

    /// <summary><c>new List&lt;Node&gt;()</c>, <c>new Dictionary&lt;string, Node&gt; { ["a"] = x }</c>, with their initializers.</summary>
    private object? CreateObject(IObjectCreationOperation creation)
    {
        object collection;
        if (IsList(creation.Type))
        {
            var list = new List<object?>();
            if (creation.Arguments.Length == 1 && creation.Arguments[0].Parameter?.Type.SpecialType != SpecialType.System_Int32)
            {
                list.AddRange(Sequence(creation.Arguments[0].Value));
            }

            collection = list;
        }
        else if (IsDictionary(creation.Type) && creation.Arguments.Length == 0)
        {
            collection = new Dictionary<object, object?>();
        }
        else
        {
            throw Unsupported(creation, $"'new {creation.Type?.ToDisplayString()}' cannot run at compile time; {Alternatives}");
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case IInvocationOperation add:
                        CollectionCall(add, collection);
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment:
                        SetElement(collection, indexer, Evaluate(assignment.Value));
                        break;
                    default:
                        throw Unsupported(element, "only Add calls and [key] = value work in a collection initializer");
                }
            }
        }

        return collection;
    }

    /// <summary>A collection expression: <c>[]</c>, <c>[a, b]</c>, <c>[.. xs, c]</c>, as an array or a list by its target type.</summary>
    private object? CreateCollection(ICollectionExpressionOperation expression)
    {
        var items = new List<object?>();
        foreach (var element in expression.Elements)
        {
            if (element is ISpreadOperation spread)
            {
                items.AddRange(Sequence(spread.Operand));
            }
            else
            {
                items.Add(Evaluate(element));
            }
        }

        if (expression.Type is IArrayTypeSymbol)
        {
            return items.ToArray();
        }

        return IsList(expression.Type)
            ? items
            : throw Unsupported(expression, $"a collection expression of type '{expression.Type?.ToDisplayString()}' cannot be built at compile time; {Alternatives}");
    }

    /// <summary>The elements of an array, list or dictionary (as key, value pairs) that <paramref name="operation"/> evaluates to.</summary>
    private IReadOnlyList<object?> Sequence(IOperation operation) => Items(Evaluate(operation), operation);

    private static IReadOnlyList<object?> Items(object? value, IOperation at) => FailedValue.Check(value) switch
    {
        object?[] array => array,
        List<object?> list => list,
        Dictionary<object, object?> dictionary => dictionary.Select(p => (object?)new object?[] { p.Key, p.Value }).ToArray(),
        _ => throw NotConstant(at, "This collection"),
    };

    private bool CollectionProperty(IPropertyReferenceOperation property, object instance, out object? value)
    {
        var symbol = property.Property;
        value = null;
        switch (instance)
        {
            case List<object?> list when symbol.Name == "Count":
                value = (long)list.Count;
                return true;
            case Dictionary<object, object?> dictionary when symbol.Name == "Count":
                value = (long)dictionary.Count;
                return true;
            case Dictionary<object, object?> dictionary when symbol.Name is "Keys" or "Values":
                value = (symbol.Name == "Keys" ? dictionary.Keys.Cast<object?>() : dictionary.Values).ToArray();
                return true;
            case List<object?> or Dictionary<object, object?> when symbol.IsIndexer && property.Arguments.Length == 1:
                value = GetElement(instance, property);
                return true;
            case object?[] pair when pair.Length == 2 && IsType(symbol.ContainingType, "System.Collections.Generic.KeyValuePair<TKey, TValue>"):
                value = symbol.Name == "Key" ? pair[0] : pair[1];
                return true;
            default:
                return false;
        }
    }

    private object? GetElement(object collection, IPropertyReferenceOperation indexer)
    {
        var key = FailedValue.Check(Evaluate(indexer.Arguments[0].Value));
        switch (collection)
        {
            case List<object?> list:
                return list[ListIndex(list, key, indexer)];
            case Dictionary<object, object?> dictionary:
                return key is not null && dictionary.TryGetValue(key, out var value)
                    ? value
                    : throw new InterpretationError(Descriptors.EvaluationFailed, indexer.Syntax, Text(indexer), $"the dictionary has no key {Key(key!)}; it holds {string.Join(", ", dictionary.Keys.Select(Key))}");
            default:
                throw Unsupported(indexer, Alternatives);
        }
    }

    private void SetElement(object collection, IPropertyReferenceOperation indexer, object? value)
    {
        var key = FailedValue.Check(Evaluate(indexer.Arguments[0].Value));
        switch (collection)
        {
            case List<object?> list:
                list[ListIndex(list, key, indexer)] = value;
                break;
            case Dictionary<object, object?> dictionary when key is not null:
                dictionary[key] = value;
                break;
            default:
                throw Unsupported(indexer, Alternatives);
        }
    }

    private static int ListIndex(List<object?> list, object? index, IOperation at) => index is long i && i >= 0 && i < list.Count
        ? (int)i
        : throw new InterpretationError(Descriptors.EvaluationFailed, at.Syntax, Text(at), $"index {Format(index)} is outside the list of {list.Count} element(s)");

    /// <summary>A method of a list or dictionary (<c>nodes.Add(x)</c>), or of the collection being initialized.</summary>
    private object? CollectionCall(IInvocationOperation invocation, object? collection)
    {
        string name = invocation.TargetMethod.Name;
        var args = invocation.Arguments.Select(a => Evaluate(a.Value)).ToArray();
        switch (FailedValue.Check(collection), name, args.Length)
        {
            case (List<object?> list, "Add", 1):
                list.Add(args[0]);
                return null;
            case (List<object?> list, "AddRange", 1):
                list.AddRange(Items(args[0], invocation.Arguments[0].Value));
                return null;
            case (List<object?> list, "Insert", 2):
                list.Insert(args[0] is long at && at >= 0 && at <= list.Count ? (int)at : throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), $"position {Format(args[0])} is outside the list of {list.Count} element(s)"), args[1]);
                return null;
            case (List<object?> list, "RemoveAt", 1):
                list.RemoveAt(ListIndex(list, args[0], invocation));
                return null;
            case (List<object?> list, "Clear", 0):
                list.Clear();
                return null;
            case (List<object?> list, "Contains", 1):
                return list.Any(item => Same(item, args[0]));
            case (List<object?> list, "IndexOf", 1):
                return (long)list.FindIndex(item => Same(item, args[0]));
            case (List<object?> list, "ToArray", 0):
                return list.ToArray();
            case (Dictionary<object, object?> dictionary, "Add", 2) when args[0] is not null:
                if (dictionary.ContainsKey(args[0]!))
                {
                    throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), $"the dictionary already holds the key {Describe(args[0])}");
                }

                dictionary.Add(args[0]!, args[1]);
                return null;
            case (Dictionary<object, object?> dictionary, "ContainsKey", 1):
                return args[0] is not null && dictionary.ContainsKey(args[0]!);
            case (Dictionary<object, object?> dictionary, "Remove", 1):
                return args[0] is not null && dictionary.Remove(args[0]!);
            case (Dictionary<object, object?> dictionary, "Clear", 0):
                dictionary.Clear();
                return null;
            default:
                throw Unsupported(invocation, $"'{invocation.TargetMethod.ContainingType.Name}.{name}' cannot run at compile time; {Alternatives}");
        }
    }

    private static bool Same(object? a, object? b) => ReferenceEquals(a, b) || Equals(a, b);

    /// <summary>The LINQ operators over arrays, lists and dictionaries, evaluated at compile time (lambdas are inlined).</summary>
    private object? Linq(IInvocationOperation invocation)
    {
        string name = invocation.TargetMethod.Name;
        var args = invocation.Arguments.Select(a => a.Value).ToArray();
        if (name == "Range" && args.Length == 2)
        {
            long start = Integer(args[0]), count = Integer(args[1]);
            return count >= 0 && count <= 100_000
                ? Enumerable.Range(0, (int)count).Select(i => (object?)(start + i)).ToArray()
                : throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), $"the count {count} must be between 0 and 100000");
        }

        if (name == "Repeat" && args.Length == 2)
        {
            var element = Evaluate(args[0]);
            long count = Integer(args[1]);
            return count >= 0 && count <= 100_000
                ? Enumerable.Repeat(element, (int)count).ToArray()
                : throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), $"the count {count} must be between 0 and 100000");
        }

        var source = Sequence(args[0]);
        object? Apply(int argument, params object?[] values) => CallFunction(Evaluate(args[argument]), args[argument], values);
        switch (name, args.Length)
        {
            case ("Select", 2):
                return source.Select((item, i) => Apply(1, item, (long)i)).ToArray();
            case ("Where", 2):
                return source.Where((item, i) => Truth(Apply(1, item, (long)i), args[1])).ToArray();
            case ("Aggregate", 2):
                return source.Count > 0
                    ? source.Skip(1).Aggregate(source[0], (acc, item) => Apply(1, acc, item))
                    : throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), "the sequence is empty; give Aggregate a seed");
            case ("Aggregate", 3):
                return source.Aggregate(Evaluate(args[1]), (acc, item) => Apply(2, acc, item));
            case ("Sum", 1) or ("Sum", 2):
                {
                    var values = args.Length == 2 ? source.Select(item => Apply(1, item)).ToList() : source.ToList();
                    return values.Aggregate((object?)0L, (acc, v) => Arithmetic(BinaryOperatorKind.Add, acc, v, invocation));
                }

            case ("Max", 1) or ("Min", 1) or ("Max", 2) or ("Min", 2):
                {
                    var values = args.Length == 2 ? source.Select(item => Apply(1, item)).ToList() : source.ToList();
                    if (values.Count == 0)
                    {
                        throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), "the sequence is empty");
                    }

                    var kind = name == "Max" ? BinaryOperatorKind.GreaterThan : BinaryOperatorKind.LessThan;
                    return values.Aggregate((best, v) => Arithmetic(kind, v, best, invocation) is true ? v : best);
                }

            case ("Count", 1):
                return (long)source.Count;
            case ("Count", 2):
                return (long)source.Count(item => Truth(Apply(1, item), args[1]));
            case ("Any", 1):
                return source.Count > 0;
            case ("Any", 2):
                return source.Any(item => Truth(Apply(1, item), args[1]));
            case ("All", 2):
                return source.All(item => Truth(Apply(1, item), args[1]));
            case ("First", 1) or ("Last", 1):
                return source.Count > 0
                    ? (name == "First" ? source[0] : source[source.Count - 1])
                    : throw new InterpretationError(Descriptors.EvaluationFailed, invocation.Syntax, Text(invocation), "the sequence is empty");
            case ("Skip", 2):
                return source.Skip((int)Math.Min(Integer(args[1]), int.MaxValue)).ToArray();
            case ("Take", 2):
                return source.Take((int)Math.Min(Integer(args[1]), int.MaxValue)).ToArray();
            case ("Reverse", 1):
                return source.Reverse().ToArray();
            case ("Concat", 2):
                return source.Concat(Sequence(args[1])).ToArray();
            case ("Zip", 3):
                return source.Zip(Sequence(args[1]), (a, b) => Apply(2, a, b)).ToArray();
            case ("Zip", 2):
                return source.Zip(Sequence(args[1]), (a, b) => (object?)new object?[] { a, b }).ToArray();
            case ("ToArray", 1):
                return source.ToArray();
            case ("ToList", 1):
                return source.ToList();
            default:
                throw Unsupported(invocation, $"'Enumerable.{name}' cannot run at compile time; {Alternatives}");
        }
    }

    private long Integer(IOperation operation) =>
        FailedValue.Check(Evaluate(operation)) is long n ? n : throw NotConstant(operation, "This count");

    private static bool Truth(object? value, IOperation at) =>
        FailedValue.Check(value) is bool b ? b : throw NotConstant(at, "The result of this function");

    private static string Key(object key) => key is string s ? "\"" + s + "\"" : Format(key);
}
