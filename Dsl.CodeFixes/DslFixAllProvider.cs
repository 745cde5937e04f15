using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes;

/// <summary>
/// Fix All for the DSL fixes: every fixable diagnostic of the requested ids in the scope, whatever its fix kind,
/// in one action (what <c>dotnet format analyzers</c> and an editor's "Fix all occurrences" run). A diagnostic
/// without a fix is left alone and does not stop the others.
/// <para>
/// Applied in rounds, each on a fresh analysis of the documents the client reported: the fixes of one round are
/// computed on the same snapshot and applied together, bottom-up, except one whose edit overlaps or touches an
/// edit already taken (e.g. a <c>.Flatten()</c> inside the shortcut a projection rewrites), which waits for the
/// next round. The next round also sees the mistakes an earlier error hid (shape inference stops at the first
/// error of a model), so one run fixes a model with several mistakes.
/// </para>
/// </summary>
internal sealed class DslFixAllProvider : FixAllProvider
{
    /// <summary>More rounds than any model needs: each round fixes at least one mistake or stops.</summary>
    private const int MaxRounds = 32;

    private readonly IReadOnlyDictionary<string, IDslFix> fixes;

    public DslFixAllProvider(IReadOnlyDictionary<string, IDslFix> fixes) => this.fixes = fixes;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        string where = fixAllContext.Scope switch
        {
            FixAllScope.Document => "document",
            FixAllScope.Project => "project",
            _ => "solution",
        };
        var action = CodeAction.Create(
            $"Fix all {string.Join(", ", fixAllContext.DiagnosticIds.OrderBy(id => id, System.StringComparer.Ordinal))} in the {where}",
            ct => FixAllAsync(fixAllContext, ct),
            equivalenceKey: fixAllContext.CodeActionEquivalenceKey);
        return Task.FromResult<CodeAction?>(action);
    }

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var ids = context.DiagnosticIds;

        // Round 1 fixes what the client reported (its severity, path and id filters apply); later rounds re-analyze
        // the same documents, so a mistake uncovered by a fix is fixed too, and nothing outside them is touched.
        var reported = await ReportedAsync(context).ConfigureAwait(false);
        var documents = reported
            .Select(d => solution.GetDocumentId(d.Location.SourceTree))
            .Where(id => id is not null)
            .Select(id => id!)
            .ToImmutableHashSet();
        var fixedOnce = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = reported.Where(d => IsFixable(d, ids)).ToList();
        for (int round = 0; round < MaxRounds && pending.Count > 0; round++)
        {
            // A mistake that comes back after its fix was applied is not fixed again (the fix did not remove it).
            pending = pending.Where(d => !fixedOnce.Contains(Key(d))).ToList();
            var (next, applied) = await ApplyRoundAsync(solution, pending, cancellationToken).ConfigureAwait(false);
            if (applied.Count == 0)
            {
                break;
            }

            fixedOnce.UnionWith(applied.Select(Key));
            solution = next;
            pending = (await AnalyzeAsync(solution, documents, cancellationToken).ConfigureAwait(false))
                .Where(d => IsFixable(d, ids))
                .ToList();
        }

        return solution;
    }

    private static async Task<IReadOnlyList<Diagnostic>> ReportedAsync(FixAllContext context)
    {
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is { } document:
                return (await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)).ToList();
            case FixAllScope.Project:
                return (await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false)).ToList();
            default:
                var all = new List<Diagnostic>();
                foreach (var project in context.Solution.Projects)
                {
                    all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                return all;
        }
    }

    private bool IsFixable(Diagnostic diagnostic, ImmutableHashSet<string> ids) =>
        ids.Contains(diagnostic.Id) &&
        !diagnostic.IsSuppressed &&
        diagnostic.Location.IsInSource &&
        diagnostic.Properties.TryGetValue(Generator.Diagnostics.FixKinds.KindProperty, out string? kind) &&
        kind is not null &&
        fixes.ContainsKey(kind);

    /// <summary>
    /// Identifies a mistake across rounds: its id, model class and message (which names the layer, unique in its
    /// model, and the shapes); positions move as fixes are applied.
    /// </summary>
    private static string Key(Diagnostic diagnostic)
    {
        var root = diagnostic.Location.SourceTree?.GetRoot();
        string model = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText ?? "";
        return diagnostic.Id + "|" + diagnostic.Location.SourceTree?.FilePath + "|" + model + "|" + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Computes each diagnostic's fix on <paramref name="solution"/> and applies those whose edits do not meet an
    /// edit already taken; the diagnostics whose fix was applied come back with the new solution.
    /// </summary>
    private async Task<(Solution Solution, List<Diagnostic> Applied)> ApplyRoundAsync(
        Solution solution, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<DocumentId, List<TextChange>>();
        var applied = new List<Diagnostic>();
        // Bottom-up: the last mistake of a file first, so an edit above never moves the text a later fix reads.
        foreach (var diagnostic in diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenByDescending(d => d.Location.SourceSpan.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null || !fixes.TryGetValue(diagnostic.Properties[Generator.Diagnostics.FixKinds.KindProperty]!, out var fix))
            {
                continue;
            }

            var edits = await EditsAsync(solution, await fix.ApplyAsync(document, diagnostic, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (edits.Count == 0 || edits.Any(e => taken.TryGetValue(e.Document, out var earlier) && e.Changes.Any(c => earlier.Any(t => Meet(c.Span, t.Span)))))
            {
                continue; // no edit (the source no longer has the expected shape), or it waits for the next round
            }

            foreach (var (id, changes) in edits)
            {
                if (!taken.TryGetValue(id, out var list))
                {
                    taken[id] = list = new List<TextChange>();
                }

                list.AddRange(changes);
            }

            applied.Add(diagnostic);
        }

        foreach (var document in taken)
        {
            var text = await solution.GetDocument(document.Key)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithDocumentText(document.Key, text.WithChanges(document.Value.OrderBy(c => c.Span.Start)));
        }

        return (solution, applied);
    }

    /// <summary>Two edits meet when their spans overlap or touch: their order would then matter.</summary>
    private static bool Meet(TextSpan a, TextSpan b) => a.Start <= b.End && b.Start <= a.End;

    /// <summary>The text changes <paramref name="changed"/> makes to each document of <paramref name="original"/>.</summary>
    private static async Task<List<(DocumentId Document, List<TextChange> Changes)>> EditsAsync(
        Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var edits = new List<(DocumentId, List<TextChange>)>();
        foreach (var project in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var changes = (await changed.GetDocument(id)!.GetTextChangesAsync(original.GetDocument(id)!, cancellationToken).ConfigureAwait(false)).ToList();
                if (changes.Count > 0)
                {
                    edits.Add((id, changes));
                }
            }
        }

        return edits;
    }

    /// <summary>The DSL diagnostics of <paramref name="documents"/> in <paramref name="solution"/>, from the analyzer the build runs.</summary>
    private static async Task<List<Diagnostic>> AnalyzeAsync(Solution solution, ImmutableHashSet<DocumentId> documents, CancellationToken cancellationToken)
    {
        var found = new List<Diagnostic>();
        foreach (var projectId in documents.Select(d => d.ProjectId).Distinct())
        {
            var project = solution.GetProject(projectId);
            if (project is null || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                continue;
            }

            var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()), project.AnalyzerOptions);
            found.AddRange((await analyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false))
                .Where(d => solution.GetDocumentId(d.Location.SourceTree) is { } id && documents.Contains(id)));
        }

        return found;
    }
}
