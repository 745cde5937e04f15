using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Model;

/// <summary>
/// Naming rules shared by the interpreter (validation of declared names) and the emitters (the spelling of names and
/// constants in generated C#): plain identifiers, PascalCase record members from declared names, sanitized and
/// <c>@</c>-escaped identifiers made unique, string and number literals, and XML doc text.
/// </summary>
internal static class Names
{
    /// <summary>True for a plain C# / Python identifier: ASCII letters, digits and '_', not starting with a digit.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The record member name for a declared name: <c>image</c> to <c>Image</c>, <c>is_odd</c> to <c>IsOdd</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var result = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return result.Length == 0 ? "_" + name : result.ToString();
    }

    /// <summary>
    /// The PascalCase member name of a declared name: <c>image</c> to <c>Image</c>, <c>is_odd</c> to <c>IsOdd</c>
    /// (<see cref="ToPascalCase"/>, the rule the interpreter also uses to find names that would collide, made a C# identifier).
    /// </summary>
    public static string PascalCase(string name) => Sanitize(ToPascalCase(name));

    /// <summary>
    /// A C# identifier for <paramref name="name"/>: characters that cannot appear in one become <c>_</c>, a leading
    /// digit gets a <c>_</c> before it. Keywords are left as they are; see <see cref="Escape"/>.
    /// </summary>
    public static string Sanitize(string name)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var result = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            result.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    /// <summary>The identifier as written in source: <c>@</c> before a reserved keyword (<c>@class</c>).</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// <paramref name="candidate"/>, or when it is already in <paramref name="used"/> the first of
    /// <c>candidate2</c>, <c>candidate3</c>, ... that is not; the result is added to <paramref name="used"/>.
    /// </summary>
    public static string Unique(string candidate, ISet<string> used)
    {
        string result = candidate;
        for (int n = 2; used.Contains(result); n++)
        {
            result = candidate + n.ToString(CultureInfo.InvariantCulture);
        }

        used.Add(result);
        return result;
    }

    /// <summary>A C# string literal with quotes, backslashes and control characters escaped.</summary>
    public static string StringLiteral(string value)
    {
        var result = new StringBuilder(value.Length + 2);
        result.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                case '\0': result.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }

    /// <summary>A C# <c>double</c> literal that round-trips: <c>0.5</c>, <c>1.0</c>, <c>1E-05</c>, <c>double.PositiveInfinity</c>.</summary>
    public static string DoubleLiteral(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    /// <summary>An integer literal in invariant culture.</summary>
    public static string IntLiteral(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>bool</c> literal.</summary>
    public static string BoolLiteral(bool value) => value ? "true" : "false";

    /// <summary>
    /// Text escaped for a one-line XML doc comment: <c>&amp;</c> and <c>&lt;</c> as entities (<c>&gt;</c> is legal XML text
    /// and stays, so arrows read well, except in <c>]]&gt;</c>), a line break of any kind (C# ends a comment at
    /// <c>\r</c>, <c>\n</c>, U+0085, U+2028 and U+2029) as a character reference, and the control characters XML
    /// cannot hold at all as <c>\u0007</c> text. User names reach the docs of a skeleton unchecked, so every one
    /// goes through here.
    /// </summary>
    public static string XmlText(string value)
    {
        var result = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>' when result.Length >= 2 && result[result.Length - 1] == ']' && result[result.Length - 2] == ']': result.Append("&gt;"); break;
                case '\n' or '\r' or '\t' or '\u0085' or '\u2028' or '\u2029':
                    result.Append("&#x").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(';');
                    break;
                default:
                    if (char.IsControl(c) || c == '\uFFFE' || c == '\uFFFF' || IsLoneSurrogate(value, i))
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>A surrogate that is not half of a pair: no UTF-8 file can hold it.</summary>
    private static bool IsLoneSurrogate(string value, int i) =>
        char.IsHighSurrogate(value[i]) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
        : char.IsLowSurrogate(value[i]) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));

    /// <summary>A count with thousands separators, as the layer table shows it (<c>1,199,882</c>).</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Splits a name into a set for lookups with ordinal comparison.</summary>
    public static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

    /// <summary>The doc text of a tensor with its axis roles, <c>image: [B, C:1, H:28, W:28] float32</c>; a type shape inference could not find is said so.</summary>
    public static string TensorDoc(string name, TensorType? type) =>
        type is null ? $"{XmlText(name)}: shape not inferred (the model has DSL errors)" : $"{XmlText(name)}: {type.RoleShapeText} {type.DTypeText}";
}
