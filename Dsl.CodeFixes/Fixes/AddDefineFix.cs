using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.CodeFixes.Fixes;

/// <summary>Adds an empty <c>static void Define(Graph g)</c> at the end of the model class (DSL0101).</summary>
internal sealed class AddDefineFix : IDslFix
{
    public string Kind => FixKinds.AddDefine;

    public string Title(Diagnostic diagnostic) => "Add 'static void Define(Graph g)'";

    public async Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var declaration = await SourceEdits.NodeAtAsync<TypeDeclarationSyntax>(document, diagnostic.Location, cancellationToken).ConfigureAwait(false);
        if (declaration is null || declaration.CloseBraceToken.IsMissing)
        {
            return document.Project.Solution;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        string indent = IndentOf(text, declaration.SpanStart);
        string inner = indent + "    ";
        string graph = await SourceEdits.DslTypeNameAsync(document, declaration.CloseBraceToken.SpanStart, "Graph", cancellationToken).ConfigureAwait(false);
        string newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        string member =
            $"{inner}static void Define({graph} g){newLine}" +
            $"{inner}{{{newLine}" +
            $"{inner}    // Declare the inputs (g.Input), the layers and the outputs (g.Output) of the model.{newLine}" +
            $"{inner}}}{newLine}";

        // Before the line of the closing brace, so the brace keeps its own line and indentation.
        int lineStart = text.Lines.GetLineFromPosition(declaration.CloseBraceToken.SpanStart).Start;
        bool braceOnOwnLine = text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(lineStart, declaration.CloseBraceToken.SpanStart)).Trim().Length == 0;
        return braceOnOwnLine
            ? await SourceEdits.InsertAsync(document, lineStart, member, cancellationToken).ConfigureAwait(false)
            : await SourceEdits.InsertAsync(document, declaration.CloseBraceToken.SpanStart, newLine + member + indent, cancellationToken).ConfigureAwait(false);
    }

    private static string IndentOf(Microsoft.CodeAnalysis.Text.SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        string content = text.ToString(line.Span);
        return content.Substring(0, content.Length - content.TrimStart().Length);
    }
}
