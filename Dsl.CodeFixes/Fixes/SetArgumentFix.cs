using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes.Fixes;

/// <summary>
/// Sets a named argument the rule chose: <c>logits.Softmax()</c> on [B, T, V] becomes <c>logits.Softmax(dim: -1)</c>
/// (DSL0905); an argument already written by name for that parameter is replaced.
/// </summary>
internal sealed class SetArgumentFix : IDslFix
{
    public string Kind => FixKinds.SetArgument;

    public string Title(Diagnostic diagnostic) => $"Set {SourceEdits.Value(diagnostic, 0)}: {SourceEdits.Value(diagnostic, 1)}";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var invocation = await SourceEdits.NodeAtAsync<InvocationExpressionSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false);
        string? parameter = SourceEdits.Value(diagnostic, 0);
        string? value = SourceEdits.Value(diagnostic, 1);
        if (invocation is null || parameter is null || value is null)
        {
            return document.Project.Solution;
        }

        string argument = parameter + ": " + value;
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
        var change = named is not null
            ? new TextChange(named.Span, argument)
            : arguments.Count == 0
                ? new TextChange(new TextSpan(invocation.ArgumentList.OpenParenToken.Span.End, 0), argument)
                : new TextChange(new TextSpan(arguments.Last().Span.End, 0), ", " + argument);
        return await SourceEdits.ApplyAsync(document, new[] { change }, cancellationToken).ConfigureAwait(false);
    }
}
