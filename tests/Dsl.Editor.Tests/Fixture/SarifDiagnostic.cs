using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Dsl.Editor.Tests.Lsp;

namespace Dsl.Editor.Tests.Fixture;

/// <summary>
/// A diagnostic from the compiler's SARIF 2.1 error log (<c>ErrorLog</c>), which, unlike the console output,
/// has the whole region: 1-based lines and columns, the end column just past the last character.
/// </summary>
public sealed record SarifDiagnostic(string Id, string Level, string Message, string File, LspRange Range)
{
    public static IReadOnlyList<SarifDiagnostic> Read(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return document.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(result => result.TryGetProperty("locations", out _))
            .Select(Parse)
            .ToList();
    }

    private static SarifDiagnostic Parse(JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = location.GetProperty("region");
        int startLine = region.GetProperty("startLine").GetInt32();
        int startColumn = region.GetProperty("startColumn").GetInt32();
        int endLine = region.TryGetProperty("endLine", out var el) ? el.GetInt32() : startLine;
        int endColumn = region.TryGetProperty("endColumn", out var ec) ? ec.GetInt32() : startColumn;
        return new SarifDiagnostic(
            result.GetProperty("ruleId").GetString() ?? "",
            result.TryGetProperty("level", out var level) ? level.GetString() ?? "" : "",
            result.GetProperty("message").GetProperty("text").GetString() ?? "",
            Path.GetFileName(location.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? ""),
            new LspRange(new LspPosition(startLine - 1, startColumn - 1), new LspPosition(endLine - 1, endColumn - 1)));
    }
}
