using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Dotted layer names (<c>layer1.0.conv1</c>): hierarchical state-dict names, as PyTorch's nested modules have them,
/// so a checkpoint written by PyTorch (torchvision's ResNet, a Hugging Face encoder) loads by name. Each segment is an
/// identifier or an index; the prefixes (<c>layer1</c>, <c>layer1.0</c>) are scopes, which no layer, input or submodel
/// may also be named.
/// </summary>
internal sealed partial class GraphBuilder
{
    /// <summary>Every proper prefix of a dotted layer name, with the first layer declared under it.</summary>
    private readonly Dictionary<string, string> scopes = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> has dots and every segment is an identifier or an index (digits).</summary>
    private static bool IsDotted(string name) =>
        name.IndexOf('.') >= 0 && name.Split('.').All(segment => Names.IsIdentifier(segment) || (segment.Length > 0 && segment.All(c => c >= '0' && c <= '9')));

    /// <summary>The proper prefixes of a dotted name: <c>layer1</c> and <c>layer1.0</c> of <c>layer1.0.conv1</c>.</summary>
    private static IEnumerable<string> Prefixes(string name)
    {
        for (int dot = name.IndexOf('.'); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            yield return name.Substring(0, dot);
        }
    }

    /// <summary>
    /// Checks a layer's dotted name against the scopes and names declared so far (DSL0300 when a scope is also a
    /// layer's name, or the other way round) and records its scopes. False when it clashes.
    /// </summary>
    private bool CheckScopes(string name, int site)
    {
        if (scopes.TryGetValue(name, out var nested))
        {
            Report(Descriptors.DuplicateLayerName, site, name, $"the scope of layer '{nested}'", modelName);
            return false;
        }

        foreach (var prefix in Prefixes(name))
        {
            string? owner = explicitNames.ContainsKey(prefix) ? DescribeOwner(prefix)
                : uses.Any(u => u.Name == prefix) ? "a submodel"
                : null;
            if (owner is not null)
            {
                Report(Descriptors.DuplicateLayerName, site, prefix, $"{owner} (so '{name}' cannot be nested under it)", modelName);
                return false;
            }
        }

        foreach (var prefix in Prefixes(name))
        {
            if (!scopes.ContainsKey(prefix))
            {
                scopes[prefix] = name;
            }
        }

        return true;
    }
}
