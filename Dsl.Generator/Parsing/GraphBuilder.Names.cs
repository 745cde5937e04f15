using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes.Losses;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>Names: the reserved names and the checks every declared name goes through.</summary>
internal sealed partial class GraphBuilder
{
    /// <summary>Member names of the generated class and locals of <c>forward</c> that no layer, input or output may take.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Inputs", "Outputs", "Targets", "Losses", "Info", "Define", "forward", "Forward", "ComputeLoss",
        "inputs", "outputs", "targets", "batch", "training", "name",
    };

    private string DescribeOwner(string name)
    {
        var owner = nodes[explicitNames[name]];
        return owner.Op is InputOp ? "an input" : "another " + owner.Op.Kind;
    }

    private bool CheckName(string name, string what, int site)
    {
        if (what == "layer" && IsDotted(name))
        {
            // A hierarchical state-dict name: its first segment becomes a member of the module.
            return !Reserved.Contains(name.Substring(0, name.IndexOf('.'))) || CheckName(name.Substring(0, name.IndexOf('.')), what, site);
        }

        if (!Names.IsIdentifier(name))
        {
            Report(Descriptors.InvalidName, site, name, Article(what), what == "layer"
                ? "use ASCII letters, digits and '_', starting with a letter or '_'; a hierarchical state-dict name joins such names and indices with dots (\"layer1.0.conv1\")"
                : "use ASCII letters, digits and '_', starting with a letter or '_'");
            return false;
        }

        if (Reserved.Contains(name))
        {
            Report(Descriptors.InvalidName, site, name, Article(what), "it is reserved for a member of the generated module; choose another name");
            return false;
        }

        return true;
    }

    private static string Article(string what) => (what[0] == 'i' || what[0] == 'o' ? "an " : "a ") + what;
}
