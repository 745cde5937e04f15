using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.CodeFixes.Fixes;

/// <summary><c>x.Linear(10)</c> on a feature map becomes <c>x.Flatten().Linear(10)</c> (DSL0002).</summary>
internal sealed class InsertFlattenFix : IDslFix
{
    public string Kind => FixKinds.InsertFlatten;

    public string Title(Diagnostic diagnostic) => "Insert .Flatten() before this layer";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var call = SourceEdits.MemberAccessOf(await SourceEdits.NodeAtAsync<InvocationExpressionSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false));
        return call is null
            ? document.Project.Solution
            // Right after the receiver, before its trailing trivia: a chain written one call a line stays so.
            : await SourceEdits.InsertAsync(document, call.Expression.Span.End, ".Flatten()", cancellationToken).ConfigureAwait(false);
    }
}
