using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// One diagnostic as the server reported it. <see cref="Json"/> keeps the original object, which a code-action
/// request sends back unchanged (servers may stash data in it).
/// </summary>
public sealed record LspDiagnostic(string Code, LspRange Range, int Severity, string Message, JsonElement Json)
{
    public static LspDiagnostic Parse(JsonElement json) => new(
        json.TryGetProperty("code", out var code) ? (code.ValueKind == JsonValueKind.String ? code.GetString()! : code.GetRawText()) : "",
        LspRange.Parse(json.GetProperty("range")),
        json.TryGetProperty("severity", out var severity) ? severity.GetInt32() : 0,
        json.GetProperty("message").GetString() ?? "",
        json.Clone());

    public JsonNode ToJson() => JsonNode.Parse(Json.GetRawText())!;

    /// <summary>LSP <c>DiagnosticSeverity</c>: 1 error, 2 warning, 3 information, 4 hint.</summary>
    public string SeverityName => Severity switch { 1 => "error", 2 => "warning", 3 => "info", 4 => "hint", _ => "severity " + Severity };

    public override string ToString() => $"{Code} ({SeverityName}) at {Range}: {Message}";
}
