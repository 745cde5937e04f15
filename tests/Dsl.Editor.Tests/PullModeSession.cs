using Dsl.Editor.Tests.Lsp;

namespace Dsl.Editor.Tests;

/// <summary>A session whose client asks for diagnostics (VS Code, Neovim 0.10+).</summary>
public sealed class PullModeSession() : LanguageServerSession(DiagnosticsMode.Pull);
