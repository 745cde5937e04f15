using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Robustness;

/// <summary>
/// The names a user writes reach generated C# (XML docs, string literals, identifiers), the Python export and the
/// ONNX graph. Whatever they hold, the generated files compile without an error or a warning: a model class named
/// like a generated member is a DSL error at its name (it could not hold that member, CS0542), a lower-case class
/// name raises no CS8981 in generated files, and a name with a line break, markup or quotes is escaped wherever it
/// is written, in the module of a correct model and in the skeleton of a model with errors alike. Every run
/// references Dsl.Onnx, so the ONNX graph file is compiled too.
/// </summary>
public class GeneratedCodeSafetyTests
{
    /// <summary>The members the generated partial class declares whatever the model: a class of one of these names cannot hold them.</summary>
    public static TheoryData<string> GeneratedMemberNames() => new()
    {
        "Inputs", "Outputs", "Targets", "Losses", "Columns", "Info", "Dataset", "ComputeLoss", "Forward", "forward", "PyTorchSource", "OutputsByName",
        "OnnxGraph", "ExportOnnx", "BuildOnnxGraph",
    };

    /// <summary>The ONNX members exist only where Dsl.Onnx is referenced: without it these class names are fine.</summary>
    [Theory]
    [InlineData("OnnxGraph")]
    [InlineData("ExportOnnx")]
    [InlineData("BuildOnnxGraph")]
    public void A_model_class_named_like_an_onnx_member_compiles_where_Dsl_Onnx_is_not_referenced(string className)
    {
        var run = GeneratorHarness.Run(Model(className, WithLoss));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && ModelGenerator.IsGenerated(tree));
        Assert.Equal(new[] { $"Models.{className}.PyTorch.g.cs", $"Models.{className}.g.cs" }, run.Generated.Select(g => g.HintName).Order(System.StringComparer.Ordinal).ToArray());
    }

    private static string Model(string className, string body, string extra = "") => $$"""
        using Dsl;
        namespace Models;
        [Model]
        public partial class {{className}}
        {
            static void Define(Graph g)
            {
                {{body}}
            }
        }
        {{extra}}
        """;

    private const string WithLoss = """
        var x = g.Input("image", 4);
        var y = x.Linear(3);
        g.Output("logits", y);
        g.Loss("label", y, Loss.CrossEntropy());
        """;

    /// <summary>
    /// The generator with Dsl.Onnx referenced, in a project that writes a documentation file (XML doc comments are
    /// checked: a badly formed one is warning CS1570).
    /// </summary>
    private static GeneratorRun Run(string source)
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "DslTestAssembly",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, options, path: "Model0.cs") },
            GeneratorHarness.OnnxReferences.Value,
            GeneratorHarness.CompilationOptions);
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { new ModelGenerator().AsSourceGenerator() }, parseOptions: options);
        return GeneratorHarness.Run(compilation, driver);
    }

    /// <summary>Errors and warnings the C# compiler reports in generated files (DSL diagnostics are the analyzer's, never here).</summary>
    private static List<Diagnostic> GeneratedFileProblems(GeneratorRun run) => run.OutputDiagnostics
        .Where(d => d.Location.SourceTree is { } tree && ModelGenerator.IsGenerated(tree))
        .ToList();

    [Theory]
    [MemberData(nameof(GeneratedMemberNames))]
    public void A_model_class_named_like_a_generated_member_is_a_DSL_error_at_its_name(string className)
    {
        var run = Run(Model(className, WithLoss));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("DSL0107", diagnostic.Id);
        Assert.Equal(className, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains($"the generated module declares a member '{className}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(GeneratedFileProblems(run));
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(GeneratedMemberNames))]
    public void A_model_class_named_like_a_generated_member_with_errors_in_Define_gets_no_broken_skeleton(string className)
    {
        var run = Run(Model(className, """g.Output("y", g.Input("image", 1, 28, 28).Linear(10));"""));

        Assert.Contains(run.Diagnostics, d => d.Id == "DSL0107");
        Assert.Empty(GeneratedFileProblems(run));
    }

    /// <summary>
    /// Each target has a static array of its expected shape (<c>LabelTargetShape</c>): it is named apart from the class,
    /// an input's shape array (an input <c>label_target</c> has <c>LabelTargetShape</c> too) and a layer field, in both
    /// the module and the skeleton.
    /// </summary>
    [Theory]
    [InlineData("LabelTargetShape", "image", "hidden", "")]
    [InlineData("Net", "label_target", "hidden", "")]
    [InlineData("Net", "image", "LabelTargetShape", "")]
    [InlineData("LabelTargetShape", "label_target", "LabelTargetShape2", ".MaskedBy(\"weight\")")]
    [InlineData("LabelTargetShape", "label_target", "hidden", "; g.Output(\"broken\", g.Input(\"map\", 1, 28, 28).Linear(10))")]
    [InlineData("Net", "image", "hidden", "; g.Loss(\"LabelTargetShape\", y, Loss.Mse(target: y))")]
    public void Target_shape_arrays_never_clash_with_the_class_inputs_or_layers(string className, string input, string layer, string suffix)
    {
        var run = Run(Model(className, $$"""
            var x = g.Input("{{input}}", 4);
            var y = x.Linear(3, name: "{{layer}}");
            g.Output("logits", y);
            g.Loss("label", y, Loss.CrossEntropy()){{suffix}};
            """));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id != "DSL0002");
        Assert.Empty(GeneratedFileProblems(run));
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData(WithLoss)]
    [InlineData("""g.Output("y", g.Input("image", 1, 28, 28).Linear(10));""")] // DSL0002: the skeleton
    public void A_lower_case_model_class_compiles_without_warnings_in_generated_files(string body)
    {
        var run = Run(Model("net", body));

        Assert.Equal(3, run.Generated.Length);
        Assert.Empty(GeneratedFileProblems(run));
    }

    /// <summary>Strings C#, XML and Python each read differently from what was meant.</summary>
    public static TheoryData<string> HostileNames() => new()
    {
        "line\nbreak", "carriage\r\nreturn", "line\u2028separator", "paragraph\u2029separator", "next\u0085line",
        "<b>&amp;</b>", "]]>", "quote\"d", "back\\slash", "tab\there", "nul\0char", "*/ end", "\"\"\"", "'single'",
        "bell\u0007", "unicode_é", "x{0}y", "",
    };

    /// <summary>Every role a user names, <c>{name}</c> standing for the name (a C# string literal).</summary>
    private static readonly string[] Roles =
    {
        """var x = g.Input({name}, 4); g.Output("y", x.Linear(2));""",
        """var x = g.Input("x", 4); g.Output({name}, x.Linear(2));""",
        """var x = g.Input("x", 4); var y = x.Linear(2); g.Output("y", y); g.Loss({name}, y, Loss.Mse());""",
        """var x = g.Input("x", 4); var y = x.Linear(2); g.Output("y", y); g.Loss("t", y, Loss.Mse()).MaskedBy({name});""",
        """var x = g.Input("x", 4); var y = x.Linear(1); g.Output("y", y); g.Minimize({name}, y);""",
        """var x = g.Input("x", 4); g.Output("y", x.Linear(2, name: {name}));""",
        """var x = g.Input("x", 4); g.Output("y", g.Use<Inner>({name}).Apply(x));""",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_name_in_any_role_is_escaped_or_a_DSL_error_and_generated_files_compile_cleanly(string name)
    {
        string literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, quote: true);
        var failures = new List<string>();
        foreach (string role in Roles)
        {
            foreach (bool broken in new[] { false, true })
            {
                // With a second, shape error in Define the generator emits the skeleton, which writes the names too.
                string body = role.Replace("{name}", literal) + (broken ? """ g.Output("bad", g.Input("img", 1, 28, 28).Linear(3));""" : "");
                var run = Run(Model("Net", body, "[Model] public partial class Inner { static void Define(Graph g) => g.Output(\"y\", g.Input(\"x\", 4).Linear(2)); }"));
                var problems = GeneratedFileProblems(run);
                if (problems.Count > 0)
                {
                    failures.Add($"{role} ({(broken ? "skeleton" : "module")}): {GeneratorHarness.Describe(problems.Take(3))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
