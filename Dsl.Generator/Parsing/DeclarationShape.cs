using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.Generator.Parsing;

/// <summary>
/// What of a file other files can see: every token outside the bodies of methods, constructors, operators, accessors and
/// expression-bodied members. C# binds a member's body against declarations only, so two versions of a file with the same
/// shape bind every other file the same way; an edit inside a body changes how that body binds and nothing else.
/// Field initializers, attributes, usings and top-level statements are part of the shape (a constant can change there).
/// </summary>
internal static class DeclarationShape
{
    /// <summary>True when <paramref name="before"/> and <paramref name="after"/> differ at most inside member bodies and trivia.</summary>
    public static bool Same(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        if (!before.Options.Equals(after.Options))
        {
            return false;
        }

        using var a = Tokens(before.GetRoot(cancellationToken)).GetEnumerator();
        using var b = Tokens(after.GetRoot(cancellationToken)).GetEnumerator();
        while (true)
        {
            bool moreA = a.MoveNext();
            bool moreB = b.MoveNext();
            if (moreA != moreB)
            {
                return false;
            }

            if (!moreA)
            {
                return true;
            }

            if (a.Current.RawKind != b.Current.RawKind || a.Current.Text != b.Current.Text)
            {
                return false;
            }
        }
    }

    private static IEnumerable<SyntaxToken> Tokens(SyntaxNode root) => root.DescendantTokens(descendIntoChildren: node => !IsBody(node));

    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax } => true,
        _ => false,
    };
}
