using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Dsl.Editor.Tests.Lsp;
using Xunit.Abstractions;

namespace Dsl.Editor.Tests;

/// <summary>
/// What a user does in an editor on the fixture's model file, step by step, with the assertions on what the language
/// server shows. Every step prints how long the server took to show the edit's effect.
/// </summary>
public sealed class EditorScenarios(LanguageServerSession session, ITestOutputHelper output)
{
    /// <summary>A re-diagnosis after an edit: well under a second when idle; generous for a busy machine, far below the test's budget.</summary>
    private static readonly TimeSpan DiagnosisTimeout = TimeSpan.FromSeconds(20);

    private LanguageClient Client => session.Client;

    private Uri Model => session.ModelUri;

    private DocumentText Text => Client.TextOf(Model);

    /// <summary>
    /// DSL0002 appears where <c>dotnet build</c> reports it (same ID, range and message), goes away when the user
    /// types the fix, and a different mistake (DSL0003) appears when they type it.
    /// </summary>
    public async Task ShapeMistakeFollowsEditsAsync()
    {
        var built = (await Fixture.EditorConsumer.BuildOnceAsync()).Single("DSL0002");
        Assert.Equal(new DocumentText(session.OriginalText).RangeOf("Linear(10)"), built.Range);

        var diagnostics = await Step("file with the mistake (DSL0002)", () => Client.ReplaceAsync(Model, session.OriginalText), Has("DSL0002"));
        var reported = Assert.Single(diagnostics, d => d.Code == "DSL0002");
        Assert.Equal(built.Range, reported.Range);
        Assert.Equal(built.Message, reported.Message);
        Assert.Equal(1, reported.Severity);

        var call = Text.RangeOf("Linear(10)");
        diagnostics = await Step("typed Flatten(). before Linear (fixed)", () => Client.ChangeAsync(Model, new TextEdit(new LspRange(call.Start, call.Start), "Flatten().")), NoDsl);
        Assert.DoesNotContain(diagnostics, d => d.Severity == 1);

        diagnostics = await Step("kernel 29 on 28x28 (DSL0003)", () => Client.ChangeAsync(Model, new TextEdit(Text.RangeOf("Conv2d(8, 3)"), "Conv2d(8, 29)")), Has("DSL0003"));
        var tooLarge = Assert.Single(diagnostics, d => d.Code.StartsWith("DSL", StringComparison.Ordinal));
        var conv = Text.RangeOf("Conv2d(8, 29)");
        Assert.True(Within(tooLarge.Range, conv), $"DSL0003 at {tooLarge.Range} is not on the convolution at {conv}");
    }

    /// <summary>
    /// The same protocol paths on plain compiler errors, which need no DSL analyzer: when the DSL scenarios fail and
    /// this passes, the server and client are fine and the DSL diagnostics are what is missing. It also proves the
    /// client's code-action path. The DSL's own code fixes are not offered through csharp-ls 0.28: its code-action
    /// handler instantiates fix and refactoring providers only from Roslyn's Features and Workspaces assemblies and
    /// matches them to the compiler's diagnostics, never to analyzers (they are tested through Roslyn's Workspaces
    /// API in Dsl.Generator.Tests/CodeFixes).
    /// </summary>
    public async Task CompilerErrorsFollowEditsAndTheirCodeActionsApplyAsync()
    {
        await Step("file as on disk", () => Client.ReplaceAsync(Model, session.OriginalText), _ => true);

        var diagnostics = await Step("undefined name (CS0103)", () => Client.ChangeAsync(Model, new TextEdit(Text.RangeOf("Linear(10)"), "Linear(classes)")), Has("CS0103"));
        Assert.Equal(Text.RangeOf("classes"), Assert.Single(diagnostics, d => d.Code == "CS0103").Range);

        await Step("name fixed", () => Client.ChangeAsync(Model, new TextEdit(Text.RangeOf("Linear(classes)"), "Linear(10)")), Lacks("CS0103"));

        diagnostics = await Step(
            "type without its using (CS0246)",
            () => Client.ChangeAsync(Model, new TextEdit(Text.RangeOf("static void Define"), "static StringBuilder Log() => new();\n\n    static void Define")),
            Has("CS0246"));
        await ApplyCodeActionAsync(diagnostics.Single(d => d.Code == "CS0246"), title => title == "using System.Text;");
        Assert.Contains("using System.Text;", Text.Text, StringComparison.Ordinal);
        await Step("after the code action", () => Task.CompletedTask, Lacks("CS0246"));
    }

    private static Func<IReadOnlyList<LspDiagnostic>, bool> Has(string code) => ds => ds.Any(d => d.Code == code);

    private static Func<IReadOnlyList<LspDiagnostic>, bool> Lacks(string code) => ds => ds.All(d => d.Code != code);

    private static bool NoDsl(IReadOnlyList<LspDiagnostic> diagnostics) => diagnostics.All(d => !d.Code.StartsWith("DSL", StringComparison.Ordinal));

    private static bool Within(LspRange inner, LspRange outer) =>
        (inner.Start.Line, inner.Start.Character).CompareTo((outer.Start.Line, outer.Start.Character)) >= 0
        && (inner.End.Line, inner.End.Character).CompareTo((outer.End.Line, outer.End.Character)) <= 0;

    private static string Summary(IReadOnlyList<LspDiagnostic> diagnostics) =>
        diagnostics.Count == 0 ? "none" : string.Join("; ", diagnostics.Select(d => d.ToString()));

    /// <summary>Makes an edit and times how long until the diagnostics show its effect.</summary>
    private async Task<IReadOnlyList<LspDiagnostic>> Step(string name, Func<Task> edit, Func<IReadOnlyList<LspDiagnostic>, bool> until)
    {
        PrintSessionTimingsOnce();
        var clock = Stopwatch.StartNew();
        await edit();
        try
        {
            var diagnostics = await Client.DiagnosticsAsync(Model, until, DiagnosisTimeout);
            output.WriteLine($"{name}: re-diagnosed in {clock.Elapsed.TotalSeconds:0.00} s: {Summary(diagnostics)}");
            return diagnostics;
        }
        catch (DiagnosticsTimeoutException e)
        {
            throw new DiagnosticsTimeoutException(DiagnosisTimeout, e.Last, $"step '{name}' ({session.Mode} mode); the document now:\n{Text.Text}");
        }
    }

    /// <summary>
    /// Asks for the code actions on <paramref name="diagnostic"/> (as an editor does for the diagnostic under the
    /// cursor), takes the one whose title matches, resolves it and applies its edit as the editor would.
    /// </summary>
    private async Task ApplyCodeActionAsync(LspDiagnostic diagnostic, Func<string, bool> title)
    {
        var clock = Stopwatch.StartNew();
        var actions = await Client.CodeActionsAsync(Model, diagnostic.Range, [diagnostic]);
        var titles = actions.Select(a => a.GetProperty("title").GetString() ?? "").ToList();
        output.WriteLine($"code actions for {diagnostic.Code} in {clock.Elapsed.TotalSeconds:0.00} s: {string.Join(" | ", titles)}");
        int index = titles.FindIndex(t => title(t));
        Assert.True(
            index >= 0,
            $"no matching code action for {diagnostic} among the {actions.Count} offered: [{string.Join(", ", titles)}]");

        clock.Restart();
        JsonElement resolved = await Client.ResolveAsync(actions[index]);
        Assert.True(resolved.TryGetProperty("edit", out var edit), $"the code action '{titles[index]}' has no edit after resolve: {resolved}");
        var edits = WorkspaceEdits.For(edit, Model);
        Assert.True(edits.Count > 0, $"the code action '{titles[index]}' does not edit the model file: {edit}");
        output.WriteLine($"resolved '{titles[index]}' in {clock.Elapsed.TotalSeconds:0.00} s: {edits.Count} edit(s)");
        await Client.ReplaceAsync(Model, Text.Apply(edits).Text);
    }

    private bool _printed;

    private void PrintSessionTimingsOnce()
    {
        if (_printed)
        {
            return;
        }

        _printed = true;
        output.WriteLine($"{session.ServerVersion}, {session.Mode} mode");
        foreach (var (stage, time) in session.Timings)
        {
            output.WriteLine($"{stage}: {time.TotalSeconds:0.00} s");
        }
    }
}
