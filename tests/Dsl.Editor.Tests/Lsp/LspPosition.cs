using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>An LSP position: zero-based line and zero-based UTF-16 code-unit offset in that line.</summary>
public readonly record struct LspPosition(int Line, int Character)
{
    public static LspPosition Parse(JsonElement json) =>
        new(json.GetProperty("line").GetInt32(), json.GetProperty("character").GetInt32());

    public JsonObject ToJson() => new() { ["line"] = Line, ["character"] = Character };

    public override string ToString() => $"{Line}:{Character}";
}
