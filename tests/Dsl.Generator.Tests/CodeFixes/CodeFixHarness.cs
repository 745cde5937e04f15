using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dsl.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.Generator.Tests.CodeFixes;

/// <summary>
/// Applies <see cref="DslCodeFixProvider"/> and <see cref="ShapeAnnotationRefactoring"/> the way an editor does:
/// an <see cref="AdhocWorkspace"/> project over the real references, diagnostics from the generator and
/// analyzer as a build reports them, the offered code action's operations applied to the solution.
/// (Hand-written over Roslyn's Workspaces API rather than Microsoft.CodeAnalysis.Testing, whose reference
/// assemblies are downloaded from nuget.org at test time, which this repository's CI cannot reach.)
/// </summary>
public static class CodeFixHarness
{
    /// <summary>The DSL diagnostics a build reports for the files.</summary>
    public static ImmutableArray<Diagnostic> DslDiagnostics(params string[] sources) =>
        GeneratorHarness.Run(sources).Diagnostics.Where(d => d.Id.StartsWith("DSL", System.StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>The titles of the fixes offered for the one diagnostic <paramref name="id"/> in the first file.</summary>
    public static async Task<IReadOnlyList<string>> OfferedAsync(string id, params string[] sources)
    {
        var (document, diagnostic) = DiagnosticIn(Project(sources), id);
        return (await ActionsAsync(document, diagnostic)).Select(a => a.Title).ToList();
    }

    /// <summary>Applies the one fix offered for diagnostic <paramref name="id"/>; returns every file's new text and the fix's title.</summary>
    public static async Task<(string[] Sources, string Title)> FixAsync(string id, params string[] sources)
    {
        var (document, diagnostic) = DiagnosticIn(Project(sources), id);
        var action = Assert.Single(await ActionsAsync(document, diagnostic));
        var solution = await ApplyAsync(action, document.Project.Solution);
        return (await TextsAsync(solution, document.Project.Id), action.Title);
    }

    /// <summary>
    /// Runs the provider's Fix All over the whole solution for <paramref name="ids"/>, as <c>dotnet format analyzers</c>
    /// does: the context names the first diagnostic's action key (null when that one has no fix) and the client's
    /// diagnostics come from a build of the original sources. Returns every file's new text.
    /// </summary>
    public static async Task<string[]> FixAllAsync(string[] ids, params string[] sources)
    {
        var project = Project(sources);
        var compilation = (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)(await project.GetCompilationAsync())!;
        var reported = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver()).Diagnostics.Where(d => ids.Contains(d.Id)).ToImmutableArray();
        var first = reported.First();
        var document = project.Solution.GetDocument(first.Location.SourceTree)!;
        var provider = new DslCodeFixProvider();
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => actions.Add(action), CancellationToken.None));
        var context = new FixAllContext(
            document, provider, FixAllScope.Solution, actions.FirstOrDefault()?.EquivalenceKey!, ids, new ReportedDiagnostics(reported), CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(context);
        var solution = await ApplyAsync(fixAll!, project.Solution);
        return await TextsAsync(solution, project.Id);
    }

    /// <summary>A client's diagnostics, as the fix-all context hands them to the provider.</summary>
    private sealed class ReportedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => project.GetDocument(d.Location.SourceTree) is not null));

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }

    /// <summary>Runs "Annotate shapes" at the first occurrence of <paramref name="at"/>; null when it is not offered.</summary>
    public static async Task<string?> AnnotateAsync(string source, string at)
    {
        var document = Project(source).Documents.Single();
        var text = await document.GetTextAsync();
        var actions = new List<CodeAction>();
        var context = new CodeRefactoringContext(document, new TextSpan(text.ToString().IndexOf(at, System.StringComparison.Ordinal), 0), actions.Add, CancellationToken.None);
        await new ShapeAnnotationRefactoring().ComputeRefactoringsAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        var solution = await ApplyAsync(Assert.Single(actions), document.Project.Solution);
        return (await TextsAsync(solution, document.Project.Id))[0];
    }

    private static Project Project(string[] sources)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Models",
            "Models",
            LanguageNames.CSharp,
            compilationOptions: GeneratorHarness.CompilationOptions,
            parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: GeneratorHarness.References.Value));
        for (int i = 0; i < sources.Length; i++)
        {
            project = project.AddDocument($"Model{i}.cs", SourceText.From(sources[i]), filePath: $"Model{i}.cs").Project;
        }

        return project;
    }

    private static Project Project(string source) => Project(new[] { source });

    /// <summary>The diagnostic as a build reports it, its locations in the project's own syntax trees.</summary>
    private static (Document Document, Diagnostic Diagnostic) DiagnosticIn(Project project, string id)
    {
        var compilation = (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var run = GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver());
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        var document = project.Solution.GetDocument(diagnostic.Location.SourceTree) ?? throw new Xunit.Sdk.XunitException("the diagnostic is not in a document");
        return (document, diagnostic);
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var provider = new DslCodeFixProvider();
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
    }

    private static async Task<string[]> TextsAsync(Solution solution, ProjectId project)
    {
        var texts = new List<string>();
        foreach (var document in solution.GetProject(project)!.Documents.OrderBy(d => d.Name, System.StringComparer.Ordinal))
        {
            texts.Add((await document.GetTextAsync()).ToString());
        }

        return texts.ToArray();
    }
}
