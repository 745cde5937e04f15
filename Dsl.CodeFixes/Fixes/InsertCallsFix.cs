using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes.Fixes;

/// <summary>
/// Inserts the calls the rule named around the call: <c>emb.Conv1d(64, 3)</c> on [B, T, F] becomes
/// <c>emb.Transpose(1, 2).Conv1d(64, 3)</c>, a BatchNorm1d on it <c>.Transpose(1, 2).BatchNorm1d().Transpose(1, 2)</c> (DSL0012).
/// </summary>
internal sealed class InsertCallsFix : IDslFix
{
    public string Kind => FixKinds.InsertCalls;

    public string Title(Diagnostic diagnostic) =>
        string.IsNullOrEmpty(SourceEdits.Value(diagnostic, 1))
            ? $"Insert {SourceEdits.Value(diagnostic, 0)} before this layer"
            : $"Wrap this layer in {SourceEdits.Value(diagnostic, 0)} and {SourceEdits.Value(diagnostic, 1)}";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var invocation = await SourceEdits.NodeAtAsync<InvocationExpressionSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false);
        var call = SourceEdits.MemberAccessOf(invocation);
        string? before = SourceEdits.Value(diagnostic, 0);
        if (invocation is null || call is null || string.IsNullOrEmpty(before))
        {
            return document.Project.Solution;
        }

        // Right after the receiver, before its trailing trivia: a chain written one call a line stays so.
        var changes = new List<TextChange> { new(new TextSpan(call.Expression.Span.End, 0), before!) };
        if (SourceEdits.Value(diagnostic, 1) is { Length: > 0 } after)
        {
            changes.Add(new TextChange(new TextSpan(invocation.Span.End, 0), after));
        }

        return await SourceEdits.ApplyAsync(document, changes, cancellationToken).ConfigureAwait(false);
    }
}
