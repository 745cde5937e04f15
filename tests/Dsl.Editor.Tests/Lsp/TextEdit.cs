using System.Text.Json;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>Replace <see cref="Range"/> of a document with <see cref="NewText"/>.</summary>
public sealed record TextEdit(LspRange Range, string NewText)
{
    public static TextEdit Parse(JsonElement json) =>
        new(LspRange.Parse(json.GetProperty("range")), json.GetProperty("newText").GetString() ?? "");
}
