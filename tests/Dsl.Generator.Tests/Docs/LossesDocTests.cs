using System;
using System.IO;
using System.Linq;
using System.Text;
using Dsl.Generator.Losses;

namespace Dsl.Generator.Tests.Docs;

/// <summary>
/// docs/losses.md is produced from the loss catalogue (each descriptor's <see cref="LossDescriptor.Doc"/>): the test
/// regenerates it and compares; with the environment variable <c>DSL_ACCEPT_DOCS=1</c> it rewrites the file instead.
/// </summary>
public class LossesDocTests
{
    private const string RelativePath = "docs/losses.md";

    [Fact]
    public void Losses_doc_is_generated_from_the_loss_catalogue()
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
    public void Every_loss_has_a_section()
    {
        string text = Render();
        Assert.All(LossCatalogue.All, d => Assert.Contains("\n## " + d.Name + "\n", text, StringComparison.Ordinal));
    }

    internal static string Render()
    {
        var b = new StringBuilder();
        b.Append("# Losses\n\n");
        b.Append("<!-- Generated from the loss catalogue (Dsl.Generator/Losses/*/<Loss>.cs); do not edit by hand. ");
        b.Append("LossesDocTests checks it; `DSL_ACCEPT_DOCS=1 dotnet test tests/Dsl.Generator.Tests --filter LossesDoc` rewrites it. -->\n\n");
        b.Append("Every loss of the DSL, declared with `g.Loss(target, prediction, Loss.X(...))`: what it reads, the target it needs ");
        b.Append("(a member of the generated `Targets`, a node with `target:`, or a constant), and its PyTorch and Keras equivalents. ");
        b.Append("Every term is a mean over the batch; `.MaskedBy(mask)` makes it the weighted mean under a `[B]` mask, or with ");
        b.Append("`perPosition: true` one weight per position of the per-sample loss, and `weight:` scales it in the total.\n\n");

        b.Append("| Loss | DSL | PyTorch | Keras |\n");
        b.Append("|---|---|---|---|\n");
        foreach (var loss in LossCatalogue.All)
        {
            b.Append($"| [{loss.Name}](#{Anchor(loss.Name)}) | `{loss.Doc.Signature}` | {loss.Doc.PyTorch} | {loss.Doc.Keras} |\n");
        }

        foreach (var loss in LossCatalogue.All)
        {
            b.Append($"\n## {loss.Name}\n\n");
            b.Append($"```csharp\n{loss.Doc.Signature}\n```\n\n");
            b.Append($"- **Prediction:** {loss.Doc.Prediction}\n");
            b.Append($"- **Target:** {loss.Doc.Target}\n");
            b.Append($"- **Run time:** `Dsl.Training.LossFunctions.{loss.RunTime}`\n");
            b.Append($"- **PyTorch:** {loss.Doc.PyTorch}\n");
            b.Append($"- **Keras:** {loss.Doc.Keras}\n");
        }

        return b.ToString();
    }

    /// <summary>GitHub's heading anchor: lower case, spaces to '-', punctuation other than '-' and '_' dropped.</summary>
    private static string Anchor(string heading) =>
        new string(heading.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '_').ToArray());
}
