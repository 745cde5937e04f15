using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Robustness;

/// <summary>
/// Every name a user can give (input, output, loss target, mask, Minimize term, layer, submodel) against every
/// name the generated types declare or inherit (records, TorchSharp's Module, object) and every C# keyword, in
/// three spellings: the generated code compiles, or a DSL error names the clash. Nothing ever breaks in the
/// .g.cs file.
/// </summary>
public class ReservedNameTests
{
    /// <summary>C# keywords (reserved and contextual) and the member names of everything generated code derives from.</summary>
    public static IEnumerable<string> Candidates()
    {
        var keywords = SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds()).Select(SyntaxFacts.GetText);
        var inherited = typeof(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>)
            .GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy)
            .Where(m => m is not System.Reflection.MethodBase { IsPrivate: true } and not System.Reflection.FieldInfo { IsPrivate: true })
            .Select(m => m.Name)
            .Where(SyntaxFacts.IsValidIdentifier);
        string[] generated =
        {
            "Clone", "Deconstruct", "EqualityContract", "PrintMembers", "Dispose", "Inputs", "Outputs", "Targets", "Losses",
            "Total", "Terms", "Info", "Forward", "ComputeLoss", "ModelInfo", "Step", "batch", "inputs", "outputs", "targets",
            "losses", "byName", "total", "Net",
        };
        return keywords.Concat(inherited).Concat(generated).Distinct();
    }

    public static TheoryData<string, string> Roles() => new()
    {
        { "input", "var x_{i} = g.Input(\"{name}\", 4); g.Output(\"out_{i}\", x_{i}.Linear(2));" },
        { "output", "g.Output(\"{name}\", x.Linear(2, name: \"dense_{i}\"));" },
        { "loss target", "var y_{i} = x.Linear(2, name: \"dense_{i}\"); g.Output(\"out_{i}\", y_{i}); g.Loss(\"{name}\", y_{i}, Loss.Mse());" },
        { "mask", "var y_{i} = x.Linear(2, name: \"dense_{i}\"); g.Output(\"out_{i}\", y_{i}); g.Loss(\"term_{i}\", y_{i}, Loss.Mse()).MaskedBy(\"{name}\");" },
        { "minimize term", "var y_{i} = x.Linear(1, name: \"dense_{i}\"); g.Output(\"out_{i}\", y_{i}); g.Minimize(\"{name}\", y_{i});" },
        { "layer", "g.Output(\"out_{i}\", x.Linear(2, name: \"{name}\"));" },
        { "submodel", "g.Output(\"out_{i}\", g.Use<Inner>(\"{name}\").Apply(x));" },
    };

    [Fact]
    public void The_reserved_Module_members_are_every_member_TorchSharp_Module_shows_a_derived_class()
    {
        var visible = typeof(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>)
            .GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy)
            .Where(m => m switch
            {
                System.Reflection.MethodBase method => !method.IsSpecialName && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly),
                System.Reflection.FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
                System.Reflection.PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily || get.IsFamilyOrAssembly),
                System.Type type => type.IsNestedPublic || type.IsNestedFamily,
                _ => false,
            })
            .Select(m => m.Name)
            .Where(SyntaxFacts.IsValidIdentifier)
            .Distinct()
            .OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Empty(visible.Except(Dsl.Generator.Emit.ReservedNames.Module));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Every_reserved_name_in_every_role_compiles_or_gets_a_DSL_error(string role, string statement)
    {
        var failures = new List<string>();
        foreach (var spelling in new System.Func<string, string>[] { n => n, n => n.ToLowerInvariant(), n => n.ToUpperInvariant() })
        {
            // One model per spelling, one statement per name; names that collide with each other after PascalCase
            // are left to the next spelling (a collision of the user's own names is a DSL error of its own).
            var names = Candidates().Select(spelling).GroupBy(Dsl.Generator.Model.Names.ToPascalCase).Select(g => g.First()).ToList();
            var body = string.Join("\n        ", names.Select((name, i) => statement.Replace("{name}", name).Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var run = GeneratorHarness.Run($$"""
                using Dsl;
                [Model]
                public partial class Net
                {
                    static void Define(Graph g)
                    {
                        var x = g.Input("x_in", 4);
                        {{body}}
                    }
                }

                [Model]
                public partial class Inner
                {
                    static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
                }
                """);

            var broken = run.OutputDiagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("DSL", System.StringComparison.Ordinal))
                .ToList();
            if (broken.Count > 0)
            {
                failures.Add($"{role} ({spelling("Ab")}): " + GeneratorHarness.Describe(broken.Take(5)));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
