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

/// <summary>Values of the interpreter: normalization, defaults, number tests, formatting for messages, and the common errors.</summary>
internal sealed partial class Interpreter
{
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
}
