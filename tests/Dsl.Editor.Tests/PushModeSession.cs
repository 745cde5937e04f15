using Dsl.Editor.Tests.Lsp;

namespace Dsl.Editor.Tests;

/// <summary>A session whose client waits for published diagnostics (Emacs eglot, older clients).</summary>
public sealed class PushModeSession() : LanguageServerSession(DiagnosticsMode.Push);
