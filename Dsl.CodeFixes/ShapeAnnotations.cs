using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes;

/// <summary>
/// The trailing <c>// [B, C:64, H:12, W:12]</c> comments of a model class: for each statement of <c>Define</c> and
/// its helpers that creates nodes, the inferred shape of its result with its axis roles
/// (<see cref="TensorType.RoleShapeText"/>; the outermost call; one shape per execution when a loop or a helper runs it
/// more than once, joined by <c>|</c>). An earlier annotation is replaced, in this form or the one before roles
/// (<c>// [B, 64, 12, 12]</c>); a statement with a comment of the user's is left alone.
/// </summary>
internal static class ShapeAnnotations
{
    /// <summary>One shape as this class writes it, with or without roles: <c>[B, 64, T]</c>, <c>[1, F:768]</c>, <c>[B, H:(H - 1) / 2]</c>.</summary>
    private const string Shape = @"\[(?:B|1)(?:,\s*[A-Za-z0-9_ +\-*/():.]+)*\]";

    /// <summary>A comment this class wrote: nothing but shapes joined by <c>|</c> (a comment with words of the user's is not).</summary>
    private static readonly Regex Annotation = new(@"^//\s*" + Shape + @"(?:\s*\|\s*" + Shape + @")*\s*$", RegexOptions.CultureInvariant);

    public static List<TextChange> Changes(TypeDeclarationSyntax declaration, ParsedModel parsed, AnalyzedModel analyzed)
    {
        var nodes = parsed.Spec.Nodes
            .Select(node => (Node: node, Location: parsed.LocationOf(node.Site)))
            .Where(n => n.Location.SourceTree == declaration.SyntaxTree && declaration.Span.Contains(n.Location.SourceSpan))
            .ToList();

        var changes = new List<TextChange>();
        foreach (var statement in declaration.DescendantNodes().OfType<StatementSyntax>().Where(IsSimple))
        {
            var inside = nodes.Where(n => statement.Span.Contains(n.Location.SourceSpan)).ToList();
            if (inside.Count == 0)
            {
                continue;
            }

            // The statement's result is its outermost node: the one whose call ends last (and starts first).
            var result = inside.OrderByDescending(n => n.Location.SourceSpan.End).ThenBy(n => n.Location.SourceSpan.Start).First().Location.SourceSpan;
            var shapes = inside
                .Where(n => n.Location.SourceSpan == result)
                .Select(n => analyzed.InferredTypeOf(n.Node.Id)?.RoleShapeText)
                .ToList();
            if (shapes.Any(s => s is null))
            {
                continue; // not inferred (the model has an error at or before it): no annotation rather than a wrong one
            }

            if (Change(statement, "// " + string.Join(" | ", shapes.Distinct())) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    private static bool IsSimple(StatementSyntax statement) =>
        statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax;

    private static TextChange? Change(StatementSyntax statement, string comment)
    {
        var last = statement.GetLastToken();
        var existing = last.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        if (existing == default)
        {
            return new TextChange(new TextSpan(last.Span.End, 0), " " + comment);
        }

        string text = existing.ToString();
        return Annotation.IsMatch(text) && text != comment ? new TextChange(existing.Span, comment) : null;
    }
}
