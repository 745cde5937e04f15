using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>An LSP range; <see cref="End"/> is exclusive.</summary>
public readonly record struct LspRange(LspPosition Start, LspPosition End)
{
    public static LspRange Parse(JsonElement json) =>
        new(LspPosition.Parse(json.GetProperty("start")), LspPosition.Parse(json.GetProperty("end")));

    public JsonObject ToJson() => new() { ["start"] = Start.ToJson(), ["end"] = End.ToJson() };

    public override string ToString() => $"{Start}-{End}";
}
