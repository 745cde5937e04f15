using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Dsl.Editor.Tests;

/// <summary>
/// The same mistake in an editor that waits for published diagnostics (Emacs eglot, older clients); code actions do
/// not depend on the mode and are tested in <see cref="PullModeTests"/>.
/// </summary>
[Collection(LanguageServerCollection.Name)]
public sealed class PushModeTests(PushModeSession session, ITestOutputHelper output) : IClassFixture<PushModeSession>
{
    private readonly EditorScenarios _editor = new(session, output);

    [Fact]
    public Task The_shape_mistake_is_reported_where_dotnet_build_reports_it_and_follows_edits() => _editor.ShapeMistakeFollowsEditsAsync();

    [Fact]
    public Task The_client_sees_compiler_errors_follow_edits_and_applies_their_code_actions() => _editor.CompilerErrorsFollowEditsAndTheirCodeActionsApplyAsync();
}
