using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes.Fixes;

/// <summary>Calls the layer that fits the input's rank instead, e.g. <c>BatchNorm2d()</c> on [B, C, H, W] (DSL0002).</summary>
internal sealed class RenameCallFix : IDslFix
{
    public string Kind => FixKinds.RenameCall;

    public string Title(Diagnostic diagnostic) => $"Use {SourceEdits.Value(diagnostic, 0)}";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var call = SourceEdits.MemberAccessOf(await SourceEdits.NodeAtAsync<InvocationExpressionSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false));
        string? method = SourceEdits.Value(diagnostic, 0);
        return call is null || method is null
            ? document.Project.Solution
            : await SourceEdits.ApplyAsync(document, new[] { new TextChange(call.Name.Identifier.Span, method) }, cancellationToken).ConfigureAwait(false);
    }
}
