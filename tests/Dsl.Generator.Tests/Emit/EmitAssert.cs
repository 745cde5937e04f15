using System;
using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Emit;

/// <summary>Emits a hand-built model and compiles it beside its declaration against Dsl.Runtime and TorchSharp.</summary>
internal static class EmitAssert
{
    /// <summary>
    /// Emits <paramref name="model"/>, compiles it with <paramref name="userSource"/> (warning level 9999, nullable
    /// on, XML doc diagnostics on) and fails with every warning or error, listed with the numbered generated code.
    /// </summary>
    public static string CompilesCleanly(AnalyzedModel model, string userSource)
    {
        string emitted = ModelEmitter.Emit(model);
        if (Environment.GetEnvironmentVariable("DSL_EMIT_DUMP") is { Length: > 0 } dumpDirectory)
        {
            // For reading the generated code: DSL_EMIT_DUMP=/tmp/emitted dotnet test ...
            System.IO.Directory.CreateDirectory(dumpDirectory);
            System.IO.File.WriteAllText(System.IO.Path.Combine(dumpDirectory, model.Spec.ClassName + ".g.cs"), emitted);
        }

        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.Compile(new[]
        {
            CSharpSyntaxTree.ParseText(userSource, options, path: "User.cs"),
            CSharpSyntaxTree.ParseText(emitted, options, path: model.Spec.ClassName + ".g.cs"),
        });

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            var numbered = emitted.Split('\n').Select((line, i) => $"{i + 1,4}: {line}");
            Assert.Fail(
                "The emitted code does not compile cleanly:" + Environment.NewLine +
                GeneratorHarness.Describe(problems) + Environment.NewLine + Environment.NewLine +
                string.Join(Environment.NewLine, numbered));
        }

        return emitted;
    }

    /// <summary>Asserts that <paramref name="emitted"/> has a line that is <paramref name="line"/> after trimming.</summary>
    public static void HasLine(string emitted, string line)
    {
        if (!emitted.Split('\n').Any(l => l.Trim() == line))
        {
            Assert.Fail($"Expected the line{Environment.NewLine}    {line}{Environment.NewLine}in{Environment.NewLine}{emitted}");
        }
    }
}
