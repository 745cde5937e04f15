using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Docs;

/// <summary>
/// Keeps docs/diagnostics.md honest: one section per descriptor (and none for IDs that do not exist), help links
/// that land on it, and every example compiled through the generator: a <b>Right</b> example must yield no DSL
/// diagnostic, a <b>Wrong</b> one must yield its ID, exactly as the text block after it shows.
/// </summary>
public partial class DiagnosticsDocTests
{
    /// <summary>The file name the examples are compiled under; the doc's message lines start with it.</summary>
    private const string ExampleFile = "Model.cs";

    /// <summary>Sections that need no Wrong / Right example: no declaration should cause an internal error, and every member of this surface is interpreted.</summary>
    private static readonly HashSet<string> WithoutExamples = new(StringComparer.Ordinal) { "DSL0106", "DSL0108" };

    private static readonly Lazy<IReadOnlyList<DocSection>> Sections = new(() => DocSection.Parse(File.ReadAllText(DocPath())));

    [Fact]
    public void Every_descriptor_has_a_section_and_every_section_a_descriptor()
    {
        var documented = Sections.Value.Select(s => s.Id).ToList();
        var declared = Descriptors.All.Select(d => d.Id).ToList();

        Assert.Empty(declared.Except(documented));
        Assert.Empty(documented.Except(declared));
        Assert.Equal(documented.Distinct().Count(), documented.Count);
        Assert.Equal(declared.OrderBy(id => id, StringComparer.Ordinal), documented);

        // Any ID-shaped word anywhere in the doc must exist, so prose cannot point at a retired diagnostic.
        var mentioned = IdPattern().Matches(File.ReadAllText(DocPath())).Select(m => m.Value).Distinct();
        Assert.Empty(mentioned.Except(declared));
    }

    [Fact]
    public void Sections_match_their_descriptor_and_help_link()
    {
        foreach (var descriptor in Descriptors.All)
        {
            var section = Sections.Value.Single(s => s.Id == descriptor.Id);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), section.Title);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), section.Severity);

            // Headings "## DSL0001: Title" get GitHub's slug "dsl0001-title"; the explicit anchor gives the short one.
            string anchor = descriptor.Id.ToLowerInvariant();
            Assert.True(section.Anchor == anchor, $"{descriptor.Id}: the section must start with <a id=\"{anchor}\"></a>");
            Assert.EndsWith("docs/diagnostics.md#" + anchor, descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_section_has_a_wrong_and_a_right_example()
    {
        foreach (var section in Sections.Value.Where(s => !WithoutExamples.Contains(s.Id)))
        {
            Assert.True(section.Wrong.Count > 0, section.Id + " has no **Wrong** example");
            Assert.True(section.Right.Count > 0, section.Id + " has no **Right** example");
            Assert.True(section.Wrong.All(w => w.Expected is not null), section.Id + ": every **Wrong** example needs the ```text block of what the generator reports");
        }
    }

    /// <summary>
    /// With <see cref="Wrong_examples_report_their_id_exactly_as_the_doc_shows"/>, the doc pins the exact message
    /// of every diagnostic for one representative case: each section's Wrong examples show a line of its own id.
    /// </summary>
    [Fact]
    public void Every_diagnostic_has_its_message_pinned_by_a_documented_example()
    {
        foreach (var descriptor in Descriptors.All.Where(d => !WithoutExamples.Contains(d.Id)))
        {
            var section = Sections.Value.Single(s => s.Id == descriptor.Id);
            string line = $": {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} {descriptor.Id}: ";
            Assert.True(
                section.Wrong.Any(w => w.Expected?.Contains(line, StringComparison.Ordinal) == true),
                $"{descriptor.Id}: no **Wrong** example shows the message line '{line.Trim()}'");
        }
    }

    [Fact]
    public void Right_examples_compile_without_dsl_diagnostics()
    {
        var failures = new StringBuilder();
        foreach (var section in Sections.Value)
        {
            foreach (var example in section.Right)
            {
                var run = RunExample(example.Code);
                string csharpErrors = CSharpErrors(run);
                string dsl = Describe(run);
                if (csharpErrors.Length > 0 || dsl.Length > 0)
                {
                    failures.Append(section.Id).Append(" right example:\n").Append(csharpErrors).Append(dsl).Append("\n\n");
                }
                else if (run.Generated.Length == 0)
                {
                    failures.Append(section.Id).Append(" right example generated no module\n\n");
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void Wrong_examples_report_their_id_exactly_as_the_doc_shows()
    {
        var failures = new StringBuilder();
        foreach (var section in Sections.Value)
        {
            foreach (var example in section.Wrong)
            {
                var run = RunExample(example.Code);
                string csharpErrors = CSharpErrors(run);
                string actual = Describe(run);
                if (csharpErrors.Length > 0)
                {
                    failures.Append(section.Id).Append(" wrong example does not compile as C#:\n").Append(csharpErrors).Append("\n\n");
                }
                else if (!run.Diagnostics.Any(d => d.Id == section.Id))
                {
                    failures.Append(section.Id).Append(" wrong example does not report ").Append(section.Id).Append(":\n").Append(actual).Append("\n\n");
                }
                else if (example.Expected is not null && Normalize(example.Expected) != actual)
                {
                    failures.Append(section.Id).Append(" wrong example reports\n").Append(actual).Append("\nbut the doc shows\n").Append(Normalize(example.Expected)).Append("\n\n");
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void The_doc_parser_reads_labels_fences_and_messages()
    {
        const string Doc = """
            # Title
            <a id="dsl0001"></a>
            ## DSL0001: Incompatible shapes
            **Severity:** Error
            **Wrong:**
            ```csharp
            class A {}
            ```
            ```text
            Model.cs(1,1): error DSL0001: m
            ```
            **Right:**
            ```csharp
            class B {}
            ```
            <a id="dsl0002"></a>
            ## DSL0002: Wrong input rank
            **Severity:** Warning
            """;

        var sections = DocSection.Parse(Doc);

        Assert.Equal(new[] { "DSL0001", "DSL0002" }, sections.Select(s => s.Id));
        Assert.Equal("Incompatible shapes", sections[0].Title);
        Assert.Equal("dsl0001", sections[0].Anchor);
        Assert.Equal("class A {}", sections[0].Wrong.Single().Code.Trim());
        Assert.Equal("Model.cs(1,1): error DSL0001: m", sections[0].Wrong.Single().Expected!.Trim());
        Assert.Equal("class B {}", sections[0].Right.Single().Code.Trim());
        Assert.Equal("Warning", sections[1].Severity);
        Assert.Empty(sections[1].Wrong);
    }

    /// <summary>docs/diagnostics.md beside dsl.sln, found by walking up from the test assembly.</summary>
    internal static string DocPath() => Path.Combine(RepoRoot(), "docs", "diagnostics.md");

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("dsl.sln not found above " + AppContext.BaseDirectory);
    }

    private static GeneratorRun RunExample(string code) => GeneratorHarness.Run(
        GeneratorHarness.Compile(new[] { CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: ExampleFile) }),
        GeneratorHarness.CreateDriver());

    private static string CSharpErrors(GeneratorRun run) => GeneratorHarness.Describe(
        run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

    /// <summary>The DSL diagnostics as <c>dotnet build</c> prints them (without the underlined text of the harness).</summary>
    private static string Describe(GeneratorRun run) => string.Join(
        "\n",
        run.Diagnostics
            .Where(d => d.Id.StartsWith("DSL", StringComparison.Ordinal))
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
            }));

    private static string Normalize(string text) => string.Join("\n", text.Replace("\r", "").Trim().Split('\n').Select(l => l.TrimEnd()));

    [GeneratedRegex(@"\bDSL\d{4}\b")]
    private static partial Regex IdPattern();

    internal sealed record Example(string Code, string? Expected);

    internal sealed class DocSection
    {
        public string Id { get; private init; } = "";

        public string Title { get; private init; } = "";

        public string? Anchor { get; private init; }

        public string? Severity { get; private set; }

        public List<Example> Wrong { get; } = new();

        public List<Example> Right { get; } = new();

        /// <summary>
        /// Reads sections "## DSLnnnn: Title" (with the <c>&lt;a id&gt;</c> line just above), their
        /// "**Severity:** X" line, and the ```csharp blocks after a "**Wrong**" or "**Right**" label; a ```text block
        /// right after a Wrong example is what the generator reports for it.
        /// </summary>
        public static IReadOnlyList<DocSection> Parse(string markdown)
        {
            var lines = markdown.Replace("\r", "").Split('\n');
            var sections = new List<DocSection>();
            DocSection? current = null;
            string? label = null;
            string? previousNonEmpty = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                var heading = Regex.Match(line, @"^## (DSL\d{4}): (.+?)\s*$");
                if (heading.Success)
                {
                    var anchor = previousNonEmpty is null ? Match.Empty : Regex.Match(previousNonEmpty, "^<a id=\"([a-z0-9]+)\"></a>$");
                    current = new DocSection { Id = heading.Groups[1].Value, Title = heading.Groups[2].Value, Anchor = anchor.Success ? anchor.Groups[1].Value : null };
                    sections.Add(current);
                    label = null;
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    current = null;
                }
                else if (current is not null)
                {
                    var severity = Regex.Match(line, @"^\*\*Severity:\*\* (\w+)");
                    if (severity.Success)
                    {
                        current.Severity = severity.Groups[1].Value;
                    }
                    else if (line.StartsWith("**Wrong", StringComparison.Ordinal))
                    {
                        label = "wrong";
                    }
                    else if (line.StartsWith("**Right", StringComparison.Ordinal))
                    {
                        label = "right";
                    }
                    else if (line.StartsWith("```", StringComparison.Ordinal))
                    {
                        string language = line.Substring(3).Trim();
                        var body = new StringBuilder();
                        for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                        {
                            body.Append(lines[i]).Append('\n');
                        }

                        if (language == "csharp" && label == "wrong")
                        {
                            current.Wrong.Add(new Example(body.ToString(), null));
                        }
                        else if (language == "csharp" && label == "right")
                        {
                            current.Right.Add(new Example(body.ToString(), null));
                        }
                        else if (language == "text" && label == "wrong" && current.Wrong.Count > 0 && current.Wrong[^1].Expected is null)
                        {
                            current.Wrong[^1] = current.Wrong[^1] with { Expected = body.ToString() };
                        }

                        line = "```";
                    }
                }

                if (line.Trim().Length > 0)
                {
                    previousNonEmpty = line;
                }
            }

            return sections;
        }
    }
}
