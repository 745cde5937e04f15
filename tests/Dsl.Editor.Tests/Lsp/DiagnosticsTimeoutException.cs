using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>The diagnostics of a document did not reach the awaited state in time; the message lists the last ones seen.</summary>
public sealed class DiagnosticsTimeoutException(TimeSpan timeout, IReadOnlyList<LspDiagnostic>? last, string? context = null) : TimeoutException(
    $"the diagnostics did not reach the expected state within {timeout.TotalSeconds:0} s; the last ones were "
    + (last is null ? "(none received)" : last.Count == 0 ? "(empty)" : "\n  " + string.Join("\n  ", last.Select(d => d.ToString())))
    + (context is null ? "" : "\n" + context))
{
    public IReadOnlyList<LspDiagnostic>? Last { get; } = last;
}
