namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// How the client gets diagnostics. csharp-ls pushes <c>textDocument/publishDiagnostics</c> only to clients that
/// do not announce the <c>textDocument.diagnostic</c> capability; to those that do, it answers
/// <c>textDocument/diagnostic</c> requests instead.
/// </summary>
public enum DiagnosticsMode
{
    /// <summary>The client asks for a document's diagnostics (LSP 3.17 pull model; VS Code, Neovim 0.10+).</summary>
    Pull,

    /// <summary>The server publishes them when it has them (older clients, Emacs eglot).</summary>
    Push,
}
