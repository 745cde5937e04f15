using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Dsl.Generator.Tests.Robustness;

/// <summary>
/// Every integer argument of every DSL call (each <c>Node</c> method and <c>Ops</c> function of Dsl.Runtime, found by
/// reflection, so a new op is fuzzed without being listed) set to 0, -1, int.MinValue, int.MaxValue and the int a huge
/// long wraps to, each component of a tuple alike, and every int array given 100,000 elements: each call its own model
/// class, all in one compilation that references Dsl.Onnx, so the interpreter, the shape rules and all three emitters
/// see every value. No exception, no DSL0106, no generated file that fails to compile or warns, and the whole run takes
/// seconds (no timing is asserted: a hang would stop the suite). Deterministic: the calls are enumerated in order.
/// </summary>
public class OpArgumentFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Huge = { "0", "-1", "int.MinValue", "int.MaxValue", "unchecked((int)9_000_000_001L)" };

    /// <summary>Receivers of every rank the ops read: an image, a sequence, features, token ids, a volume.</summary>
    private static readonly string[] Receivers =
    {
        "g.Input(\"x\", 3, 8, 8)", "g.Input(\"x\", 5, 8)", "g.Input(\"x\", 16)", "g.Input(\"x\", DType.Int64, 5)", "g.Input(\"x\", 2, 4, 6, 6)",
    };

    /// <summary>The DSL calls that build a node: Node's instance methods and Ops' static functions.</summary>
    private static IEnumerable<MethodInfo> Calls() =>
        typeof(Dsl.Node).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Concat(typeof(Dsl.Ops).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && (m.ReturnType == typeof(Dsl.Node) || m.ReturnType == typeof(Dsl.Node[])))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name)), StringComparer.Ordinal);

    /// <summary>A valid-looking value for a parameter, or null to leave an optional one out.</summary>
    private static string? Normal(ParameterInfo parameter, int slot)
    {
        var type = parameter.ParameterType;
        if (type == typeof(int) || type == typeof(int?))
        {
            return parameter.Name switch
            {
                "outputPadding" or "paddingIdx" or "start" or "index" => "0",
                "numEmbeddings" => "10",
                _ => "1",
            };
        }

        if (type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal))
        {
            return "(" + string.Join(", ", type.GetGenericArguments().Select(_ => "1")) + ")";
        }

        if (type == typeof(int[]))
        {
            return parameter.Member.Name switch
            {
                "Reshape" => "new[] { -1 }",
                "Permute" => "new[] { 0, 1 }",
                "Split" => "new[] { 16 }",
                _ => "new[] { 1 }",
            };
        }

        if (type == typeof(Dsl.Node))
        {
            return parameter.IsOptional ? null : "x";
        }

        if (type == typeof(Dsl.Node[]))
        {
            return "new[] { x, x }";
        }

        if (parameter.IsOptional)
        {
            return null;
        }

        return type == typeof(double) || type == typeof(double?) ? "0.5"
            : type == typeof(bool) ? "false"
            : type == typeof(string) ? "\"s" + slot.ToString(CultureInfo.InvariantCulture) + "\""
            : "default";
    }

    /// <summary>The integer slots of a parameter, each as the value to write with one of them replaced.</summary>
    private static IEnumerable<string> Variants(ParameterInfo parameter, string normal)
    {
        var type = parameter.ParameterType;
        if (type == typeof(int) || type == typeof(int?))
        {
            return Huge;
        }

        if (type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal) && type.GetGenericArguments().All(t => t == typeof(int)))
        {
            int n = type.GetGenericArguments().Length;
            return Enumerable.Range(0, n).SelectMany(i => Huge.Select(h => "(" + string.Join(", ", Enumerable.Range(0, n).Select(j => j == i ? h : "1")) + ")"));
        }

        if (type == typeof(int[]))
        {
            return Huge.Select(h => "new[] { " + h + " }").Append("new int[100_000]").Append("new int[0]");
        }

        return Array.Empty<string>();
    }

    private static string Call(MethodInfo method, IReadOnlyList<string?> values)
    {
        var parameters = method.GetParameters();
        var arguments = new List<string>();
        bool named = false;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (values[i] is null)
            {
                named = true;
                continue;
            }

            arguments.Add(named ? parameters[i].Name + ": " + values[i] : values[i]!);
        }

        string call = (method.IsStatic ? "Ops." : "x.") + method.Name + "(" + string.Join(", ", arguments) + ")";
        return method.ReturnType == typeof(Dsl.Node[]) ? call + "[0]" : call;
    }

    private static string Model(string className, string receiver, string call) => $$"""
        [Dsl.Model]
        public partial class {{className}}
        {
            static void Define(Dsl.Graph g)
            {
                var x = {{receiver}};
                g.Output("y", {{call}});
            }
        }
        """;

    /// <summary>What the header of a skeleton (the members of a model with DSL errors) says.</summary>
    private const string SkeletonHeader = "the members of a model with DSL errors";

    private static GeneratorRun RunAll(IReadOnlyList<string> models, bool onnx = true)
    {
        string source = "using Dsl;\nnamespace Fuzz;\n" + string.Join("\n", models);
        var compilation = CSharpCompilation.Create(
            "DslFuzz",
            new[] { CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Fuzz.cs") },
            onnx ? GeneratorHarness.OnnxReferences.Value : GeneratorHarness.References.Value,
            GeneratorHarness.CompilationOptions);
        return GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
    }

    [Fact]
    public void Huge_values_in_every_integer_argument_of_every_op_never_break_the_generator()
    {
        var calls = Calls().ToList();
        Assert.Contains(calls, m => m.Name == "Lstm");
        Assert.Contains(calls, m => m.Name == "MultiheadAttention" && m.IsStatic);

        // First: the receiver each call accepts with ordinary arguments, so that the huge values reach the rules and
        // emitters of a node that is otherwise valid (a call no receiver suits is fuzzed on the first).
        var normals = calls.Select(m => m.GetParameters().Select((p, i) => Normal(p, i)).ToList()).ToList();
        var probes = new List<string>();
        for (int c = 0; c < calls.Count; c++)
        {
            for (int r = 0; r < Receivers.Length; r++)
            {
                probes.Add(Model($"Probe_{c}_{r}", Receivers[r], Call(calls[c], normals[c])));
            }
        }

        var probeRun = RunAll(probes, onnx: false);
        // A model with DSL errors gets a skeleton, one whose Define stopped gets nothing: both are not valid.
        var accepted = probeRun.Generated
            .Where(g => !g.HintName.EndsWith(".PyTorch.g.cs", StringComparison.Ordinal) && !g.Source.Contains(SkeletonHeader, StringComparison.Ordinal))
            .Select(g => g.HintName)
            .ToHashSet();

        var mutants = new List<string>();
        var labels = new List<string>();
        int valid = 0;
        for (int c = 0; c < calls.Count; c++)
        {
            int receiver = Enumerable.Range(0, Receivers.Length).FirstOrDefault(r => accepted.Contains($"Fuzz.Probe_{c}_{r}.g.cs"), -1);
            valid += receiver >= 0 ? 1 : 0;
            if (receiver < 0)
            {
                output.WriteLine("no receiver: " + Call(calls[c], normals[c]));
            }

            var parameters = calls[c].GetParameters();
            for (int p = 0; p < parameters.Length; p++)
            {
                foreach (string variant in Variants(parameters[p], normals[c][p] ?? ""))
                {
                    var values = normals[c].ToList();
                    values[p] = variant;
                    string call = Call(calls[c], values);
                    labels.Add(call);
                    mutants.Add(Model($"Fuzz_{mutants.Count}", Receivers[Math.Max(receiver, 0)], call));
                }
            }
        }

        var run = RunAll(mutants);

        var failures = new StringBuilder();
        foreach (var internalError in run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics).Where(d => d.Id is "DSL0106" or "CS8785" or "AD0001"))
        {
            failures.AppendLine(internalError.Id + " " + internalError.GetMessage(CultureInfo.InvariantCulture));
        }

        foreach (var problem in run.OutputDiagnostics.Where(d => d.Location.SourceTree is { } tree && ModelGenerator.IsGenerated(tree)).Take(20))
        {
            failures.AppendLine("generated code: " + GeneratorHarness.Describe(new[] { problem }));
        }

        foreach (var csharp in run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == "Fuzz.cs").Take(20))
        {
            // A fuzzed call must be valid C#: otherwise it tests the compiler, not the generator.
            failures.AppendLine("not valid C#: " + GeneratorHarness.Describe(new[] { csharp }));
        }

        int withErrors = run.AnalyzerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.SourceSpan.Start).Count();
        output.WriteLine($"{calls.Count} calls ({valid} valid on some receiver), {mutants.Count} fuzzed calls, {withErrors} DSL errors, {run.Generated.Length} generated files");
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(valid >= calls.Count * 9 / 10, $"only {valid} of {calls.Count} calls found a receiver: the fuzz would exercise too few emitters");
        Assert.Contains(run.Generated, g => g.HintName.EndsWith(".Onnx.g.cs", StringComparison.Ordinal) && g.Source.Contains("g.Node(", StringComparison.Ordinal));
    }
}
