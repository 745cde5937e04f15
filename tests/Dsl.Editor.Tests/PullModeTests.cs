using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Dsl.Editor.Tests;

/// <summary>
/// A shape mistake as a user sees it in an editor that pulls diagnostics (VS Code, Neovim 0.10+): csharp-ls, a real
/// C# language server, on the consumer fixture. See <see cref="EditorScenarios"/>.
/// </summary>
[Collection(LanguageServerCollection.Name)]
public sealed class PullModeTests(PullModeSession session, ITestOutputHelper output) : IClassFixture<PullModeSession>
{
    private readonly EditorScenarios _editor = new(session, output);

    [Fact]
    public Task The_shape_mistake_is_reported_where_dotnet_build_reports_it_and_follows_edits() => _editor.ShapeMistakeFollowsEditsAsync();

    [Fact]
    public Task The_client_sees_compiler_errors_follow_edits_and_applies_their_code_actions() => _editor.CompilerErrorsFollowEditsAndTheirCodeActionsApplyAsync();
}
