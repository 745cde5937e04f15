using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary>The IR that flows through the cached pipeline holds only values: no symbols, syntax, locations or compilations.</summary>
public class IrPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxToken),
    };

    [Fact]
    public void The_IR_object_graph_holds_no_roslyn_objects()
    {
        var run = GeneratorHarness.Run(SeedSources.DigitClassifier, SeedSources.ResNet);
        var analyzed = run.Driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Analyzed].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.Equal(2, analyzed.Count);

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        int visited = 0;
        foreach (var model in analyzed)
        {
            Walk(model, "AnalyzedModel", seen, ref visited);
        }

        Assert.True(visited > 100, $"the walk visited only {visited} objects; it does not reach into the IR");
    }

    [Fact]
    public void Two_runs_over_separately_parsed_sources_give_equal_IR()
    {
        var first = GeneratorHarness.Run(SeedSources.ResNet).Specs.Single();
        var second = GeneratorHarness.Run(SeedSources.ResNet).Specs.Single();
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    private static void Walk(object? value, string path, HashSet<object> seen, ref int visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} is a {type.FullName}");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        visited++;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", seen, ref visited);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), path + "." + property.Name, seen, ref visited);
            }
        }
    }
}
