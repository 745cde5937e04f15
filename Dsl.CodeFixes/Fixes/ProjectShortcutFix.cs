using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes.Fixes;

/// <summary>
/// The projection shortcut of a residual block: <c>x + f(x)</c> becomes <c>x.Conv2d(c, 1, stride: s) + f(x)</c>
/// when channels or strides differ (DSL0001). The rule chose the operand, channels and stride.
/// </summary>
internal sealed class ProjectShortcutFix : IDslFix
{
    public string Kind => FixKinds.ProjectShortcut;

    public string Title(Diagnostic diagnostic) => "Project the shortcut with " + Projection(diagnostic);

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var binary = await SourceEdits.NodeAtAsync<BinaryExpressionSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false);
        if (binary is null)
        {
            return document.Project.Solution;
        }

        var operand = SourceEdits.Value(diagnostic, 0) == "right" ? binary.Right : binary.Left;
        string text = operand.ToString();
        // A call chain takes the projection as one more call; anything else (x * 0.5, a cast) needs parentheses.
        string receiver = operand is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? text
            : "(" + text + ")";
        return await SourceEdits.ApplyAsync(document, new[] { new TextChange(operand.Span, receiver + Projection(diagnostic)) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>.Conv2d(64, 1, stride: 2)</c>, without the stride when it is 1.</summary>
    private static string Projection(Diagnostic diagnostic)
    {
        string? stride = SourceEdits.Value(diagnostic, 2);
        return $".Conv2d({SourceEdits.Value(diagnostic, 1)}, 1{(stride is null or "1" ? "" : ", stride: " + stride)})";
    }
}
