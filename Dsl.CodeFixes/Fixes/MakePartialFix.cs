using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.CodeFixes.Fixes;

/// <summary><c>public class Net</c> becomes <c>public partial class Net</c> (DSL0100).</summary>
internal sealed class MakePartialFix : IDslFix
{
    public string Kind => FixKinds.MakePartial;

    public string Title(Diagnostic diagnostic) => "Make the model class partial";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var declaration = await SourceEdits.NodeAtAsync<ClassDeclarationSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false);
        // 'partial' must come right before 'class'.
        return declaration is null
            ? document.Project.Solution
            : await SourceEdits.InsertAsync(document, declaration.Keyword.SpanStart, "partial ", cancellationToken).ConfigureAwait(false);
    }
}
