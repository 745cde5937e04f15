using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes.Fixes;

/// <summary>
/// Gives the convolutions at the diagnostic's additional locations <c>padding: Padding.Same</c> (DSL0001 /
/// DSL0005 where unpadded convolutions shrank one branch; the rule checked that the operands then agree).
/// </summary>
internal sealed class PaddingSameFix : IDslFix
{
    public string Kind => FixKinds.PaddingSame;

    public string Title(Diagnostic diagnostic) =>
        diagnostic.AdditionalLocations.Count == 1 ? "Use Padding.Same on the convolution that shrinks this branch" : $"Use Padding.Same on the {diagnostic.AdditionalLocations.Count} convolutions that shrink this branch";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        foreach (var group in diagnostic.AdditionalLocations.Where(l => l.IsInSource).GroupBy(l => l.SourceTree!))
        {
            var target = solution.GetDocument(group.Key);
            if (target is null)
            {
                continue;
            }

            var changes = new List<TextChange>();
            foreach (var location in group)
            {
                if (await ChangeAsync(target, location, cancellationToken).ConfigureAwait(false) is { } change)
                {
                    changes.Add(change);
                }
            }

            solution = await SourceEdits.ApplyAsync(target, changes, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>Replaces the padding argument of the call at <paramref name="location"/>, or appends one.</summary>
    private static async Task<TextChange?> ChangeAsync(Document document, Location location, CancellationToken cancellationToken)
    {
        var call = await SourceEdits.NodeAtAsync<InvocationExpressionSyntax>(document, location, cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (call is null || model is null)
        {
            return null;
        }

        string same = await SourceEdits.DslTypeNameAsync(document, call.SpanStart, "Padding", cancellationToken).ConfigureAwait(false) + ".Same";
        var padding = (model.GetOperation(call, cancellationToken) as IInvocationOperation)?.Arguments
            .FirstOrDefault(a => a.Parameter?.Name == "padding" && a.ArgumentKind == ArgumentKind.Explicit);
        if (padding?.Syntax is ArgumentSyntax written)
        {
            return new TextChange(written.Expression.Span, same);
        }

        return new TextChange(new TextSpan(call.ArgumentList.CloseParenToken.SpanStart, 0), (call.ArgumentList.Arguments.Count > 0 ? ", " : "") + "padding: " + same);
    }
}
