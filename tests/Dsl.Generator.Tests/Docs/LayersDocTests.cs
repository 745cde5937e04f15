using System;
using System.IO;
using System.Linq;
using System.Text;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Docs;

/// <summary>
/// docs/layers.md is produced from the op catalogue (each descriptor's <see cref="OpDescriptor.Doc"/> and
/// <see cref="OpDescriptor.Parameters"/>): the test regenerates it and compares; with the environment variable
/// <c>DSL_ACCEPT_DOCS=1</c> it rewrites the file instead.
/// </summary>
public class LayersDocTests
{
    private const string RelativePath = "docs/layers.md";

    [Fact]
    public void Layers_doc_is_generated_from_the_op_catalogue()
    {
        string expected = Render();
        string path = Path.Combine(RepoFiles.Root, RelativePath);
        if (Environment.GetEnvironmentVariable("DSL_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(File.Exists(path), $"{RelativePath} is missing; run the tests with DSL_ACCEPT_DOCS=1 to write it.");
        string actual = File.ReadAllText(path).Replace("\r\n", "\n");
        if (actual != expected)
        {
            var a = actual.Split('\n');
            var e = expected.Split('\n');
            int line = Enumerable.Range(0, Math.Min(a.Length, e.Length)).FirstOrDefault(i => a[i] != e[i], Math.Min(a.Length, e.Length));
            Assert.Fail($"{RelativePath} differs from the catalogue at line {line + 1}:\n  file:      {(line < a.Length ? a[line] : "<end>")}\n  catalogue: {(line < e.Length ? e[line] : "<end>")}\nRun the tests with DSL_ACCEPT_DOCS=1 to rewrite it.");
        }
    }

    [Fact]
    public void Every_op_has_a_section()
    {
        string text = Render();
        Assert.All(OpCatalogue.All, d => Assert.Contains("\n## " + d.Name + "\n", text, StringComparison.Ordinal));
    }

    internal static string Render()
    {
        var b = new StringBuilder();
        b.Append("# Layers and operations\n\n");
        b.Append("<!-- Generated from the op catalogue (Dsl.Generator/Ops/*/<Op>.cs); do not edit by hand. ");
        b.Append("LayersDocTests checks it; `DSL_ACCEPT_DOCS=1 dotnet test tests/Dsl.Generator.Tests --filter LayersDoc` rewrites it. -->\n\n");
        b.Append("Every operation of the DSL, with its shape rule, its parameter count and its PyTorch and Keras equivalents. ");
        b.Append("Shapes are written with the batch first ([B, C, H, W]); C, F, H, W are the input's sizes, and a symbolic size ");
        b.Append("(`Dim.Of(\"H\")`) flows through every op as an expression (sums, multiples and floor divisions by constants).\n\n");

        b.Append("| Op | DSL | Parameters | PyTorch | Keras |\n");
        b.Append("|---|---|---|---|---|\n");
        foreach (var op in OpCatalogue.All)
        {
            b.Append($"| [{op.Name}](#{Anchor(op.Name)}) | `{op.Doc.Signature}` | {op.Parameters} | {op.Doc.PyTorch} | {op.Doc.Keras} |\n");
        }

        foreach (var op in OpCatalogue.All)
        {
            b.Append($"\n## {op.Name}\n\n");
            b.Append($"```csharp\n{op.Doc.Signature}\n```\n\n");
            b.Append($"- **Shape:** {op.Doc.Shape}\n");
            b.Append($"- **Parameters:** {op.Parameters}\n");
            b.Append($"- **Multiply-accumulates per sample:** {op.MultiplyAccumulates}\n");
            b.Append($"- **PyTorch:** {op.Doc.PyTorch}\n");
            b.Append($"- **Keras:** {op.Doc.Keras}\n");
        }

        b.Append("\nGraph statements that are not operations: ");
        b.Append(string.Join(", ", OpCatalogue.GraphStatements.Select(s => "`" + s + "`")));
        b.Append(" (see README.md).\n");
        return b.ToString();
    }

    /// <summary>GitHub's heading anchor: lower case, spaces to '-', punctuation other than '-' and '_' dropped.</summary>
    private static string Anchor(string heading) =>
        new string(heading.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '_').ToArray());
}
