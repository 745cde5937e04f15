using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// A minimal LSP client, as an editor would drive a server for one workspace folder: initialize, open and edit
/// documents (it keeps their text), get diagnostics in either <see cref="DiagnosticsMode"/>, and ask for and resolve
/// code actions. Answers the server's <c>workspace/configuration</c> requests with <see cref="Settings"/>.
/// </summary>
public sealed class LanguageClient : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly LanguageServerProcess _server;
    private readonly JsonRpcConnection _rpc;
    private readonly PublishedDiagnostics _published = new();
    private readonly ConcurrentDictionary<string, (int Version, DocumentText Text, long PublishedBefore)> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _serverMessages = new();
    private readonly TaskCompletionSource<DateTime> _workspaceLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LanguageClient(LanguageServerProcess server, DiagnosticsMode mode, IReadOnlyDictionary<string, JsonNode> settings)
    {
        _server = server;
        Mode = mode;
        Settings = settings;
        _rpc = new JsonRpcConnection(server.Output, server.Input, OnNotification, OnServerRequest);
    }

    public DiagnosticsMode Mode { get; }

    /// <summary>Configuration sections by name (e.g. "csharp"), as answered to <c>workspace/configuration</c>.</summary>
    public IReadOnlyDictionary<string, JsonNode> Settings { get; }

    /// <summary>When the server reported (via <c>$/progress</c> end) that it finished loading the workspace.</summary>
    public Task<DateTime> WorkspaceLoaded => _workspaceLoaded.Task;

    /// <summary>The server's <c>window/logMessage</c> and <c>window/showMessage</c> texts, for failure messages.</summary>
    public IEnumerable<string> ServerMessages => _serverMessages;

    public static async Task<LanguageClient> StartAsync(
        LanguageServerProcess server, Uri workspaceFolder, DiagnosticsMode mode, IReadOnlyDictionary<string, JsonNode> settings)
    {
        var client = new LanguageClient(server, mode, settings);
        try
        {
            await client._rpc.RequestAsync("initialize", client.InitializeParams(workspaceFolder), RequestTimeout).ConfigureAwait(false);
            await client._rpc.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public DocumentText TextOf(Uri document) => _documents[document.LocalPath].Text;

    public Task OpenAsync(Uri document, string text)
    {
        _documents[document.LocalPath] = (1, new DocumentText(text), _published.Mark());
        return _rpc.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });
    }

    /// <summary>An incremental edit, as an editor sends when the user types.</summary>
    public Task ChangeAsync(Uri document, TextEdit edit)
    {
        var (version, text, _) = _documents[document.LocalPath];
        _documents[document.LocalPath] = (version + 1, text.Apply(edit), _published.Mark());
        return SendChangeAsync(document, version + 1, new JsonObject { ["range"] = edit.Range.ToJson(), ["text"] = edit.NewText });
    }

    /// <summary>A whole-document change, as an editor sends after applying a workspace edit or reverting.</summary>
    public Task ReplaceAsync(Uri document, string newText)
    {
        var (version, _, _) = _documents[document.LocalPath];
        _documents[document.LocalPath] = (version + 1, new DocumentText(newText), _published.Mark());
        return SendChangeAsync(document, version + 1, new JsonObject { ["text"] = newText });
    }

    /// <summary>
    /// The document's diagnostics once they satisfy <paramref name="until"/>. Pull mode asks the server (again every
    /// <see cref="PollInterval"/> until the condition holds: an answer computed while the workspace loads may be
    /// empty); push mode waits for a publication, made after the last edit, that satisfies it.
    /// </summary>
    public async Task<IReadOnlyList<LspDiagnostic>> DiagnosticsAsync(Uri document, Func<IReadOnlyList<LspDiagnostic>, bool> until, TimeSpan timeout)
    {
        if (Mode == DiagnosticsMode.Push)
        {
            return await _published.WaitAsync(document, _documents[document.LocalPath].PublishedBefore, until, timeout).ConfigureAwait(false);
        }

        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<LspDiagnostic>? last = null;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new DiagnosticsTimeoutException(timeout, last);
            }

            var report = await _rpc.RequestAsync("textDocument/diagnostic", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri },
            }, left).ConfigureAwait(false);
            last = report.TryGetProperty("items", out var items) ? items.EnumerateArray().Select(LspDiagnostic.Parse).ToList() : [];
            if (until(last))
            {
                return last;
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>The code actions offered for <paramref name="range"/> with <paramref name="diagnostics"/> in context.</summary>
    public async Task<IReadOnlyList<JsonElement>> CodeActionsAsync(Uri document, LspRange range, IEnumerable<LspDiagnostic> diagnostics)
    {
        var result = await _rpc.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri },
            ["range"] = range.ToJson(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostics.Select(d => d.ToJson()).ToArray()) },
        }, RequestTimeout).ConfigureAwait(false);

        // The result is (Command | CodeAction)[] or null; a Command has a string "command", a CodeAction a "title" and maybe an edit.
        return result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().Select(a => a.Clone()).ToList() : [];
    }

    /// <summary>The code action with its edit: as offered if it has one, else from <c>codeAction/resolve</c>.</summary>
    public async Task<JsonElement> ResolveAsync(JsonElement codeAction)
    {
        if (codeAction.TryGetProperty("edit", out _))
        {
            return codeAction;
        }

        return (await _rpc.RequestAsync("codeAction/resolve", JsonNode.Parse(codeAction.GetRawText()), RequestTimeout).ConfigureAwait(false)).Clone();
    }

    /// <summary>The orderly end: shutdown, exit, and a bounded wait for the process.</summary>
    public async Task ShutdownAsync()
    {
        if (_rpc.Closed is null && !_server.HasExited)
        {
            await _rpc.RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await _rpc.NotifyAsync("exit", null).ConfigureAwait(false);
            await _server.WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _rpc.DisposeAsync().ConfigureAwait(false);
        _server.Dispose();
    }

    private Task SendChangeAsync(Uri document, int version, JsonObject change) =>
        _rpc.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.AbsoluteUri, ["version"] = version },
            ["contentChanges"] = new JsonArray(change),
        });

    private JsonObject InitializeParams(Uri workspaceFolder)
    {
        var textDocument = new JsonObject
        {
            ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false, ["didSave"] = false },
            ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
            ["codeAction"] = new JsonObject
            {
                ["dynamicRegistration"] = false,
                ["dataSupport"] = true,
                ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
                ["codeActionLiteralSupport"] = new JsonObject
                {
                    ["codeActionKind"] = new JsonObject
                    {
                        ["valueSet"] = new JsonArray("", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source", "source.organizeImports"),
                    },
                },
            },
        };
        if (Mode == DiagnosticsMode.Pull)
        {
            textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false, ["relatedDocumentSupport"] = false };
        }

        return new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "Dsl.Editor.Tests" },
            ["locale"] = "en",
            ["rootUri"] = workspaceFolder.AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = workspaceFolder.AbsoluteUri, ["name"] = "workspace" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
                ["textDocument"] = textDocument,
            },
        };
    }

    private void OnNotification(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "textDocument/publishDiagnostics":
                _published.Publish(
                    new Uri(parameters.GetProperty("uri").GetString()!),
                    parameters.GetProperty("diagnostics").EnumerateArray().Select(LspDiagnostic.Parse).ToList());
                break;
            case "window/logMessage" or "window/showMessage":
                _serverMessages.Enqueue(parameters.GetProperty("message").GetString() ?? "");
                break;
            case "$/progress":
                if (parameters.TryGetProperty("value", out var value) && value.TryGetProperty("kind", out var kind) && kind.GetString() == "end"
                    && value.TryGetProperty("message", out var message) && message.GetString()?.StartsWith("Finished loading workspace", StringComparison.Ordinal) == true)
                {
                    _workspaceLoaded.TrySetResult(DateTime.UtcNow);
                }

                break;
        }
    }

    private JsonNode? OnServerRequest(string method, JsonElement parameters)
    {
        if (method != "workspace/configuration")
        {
            // window/workDoneProgress/create, client/registerCapability, workspace/diagnostic/refresh, ...: acknowledge.
            return null;
        }

        var answers = new JsonArray();
        foreach (var item in parameters.GetProperty("items").EnumerateArray())
        {
            string? section = item.TryGetProperty("section", out var s) ? s.GetString() : null;
            answers.Add(section is not null && Settings.TryGetValue(section, out var value) ? value.DeepClone() : null);
        }

        return answers;
    }
}
