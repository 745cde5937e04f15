using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>Reads the text edits an LSP <c>WorkspaceEdit</c> makes to one document, in either of its two shapes.</summary>
public static class WorkspaceEdits
{
    public static IReadOnlyList<TextEdit> For(JsonElement workspaceEdit, Uri document)
    {
        var edits = new List<TextEdit>();
        if (workspaceEdit.TryGetProperty("documentChanges", out var documentChanges) && documentChanges.ValueKind == JsonValueKind.Array)
        {
            foreach (var change in documentChanges.EnumerateArray())
            {
                if (change.TryGetProperty("kind", out var kind))
                {
                    // create / rename / delete file operations never edit the text of an open document.
                    continue;
                }

                if (SameDocument(change.GetProperty("textDocument").GetProperty("uri").GetString(), document))
                {
                    edits.AddRange(change.GetProperty("edits").EnumerateArray().Select(TextEdit.Parse));
                }
            }
        }
        else if (workspaceEdit.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in changes.EnumerateObject().Where(e => SameDocument(e.Name, document)))
            {
                edits.AddRange(entry.Value.EnumerateArray().Select(TextEdit.Parse));
            }
        }

        return edits;
    }

    /// <summary>Servers may escape a URI differently from the client (e.g. '%3A' vs ':'); compare the decoded paths.</summary>
    private static bool SameDocument(string? uri, Uri document) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile && document.IsFile
        && string.Equals(parsed.LocalPath, document.LocalPath, StringComparison.Ordinal);
}
