using System.Text;

namespace Dsl.Generator.Model;

/// <summary>Naming rules shared by the interpreter (validation) and the emitters (member names).</summary>
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
}
