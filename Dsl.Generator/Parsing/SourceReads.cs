using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Every syntax tree one model's interpretation read: the class's own declarations, Define, the helpers it inlined and
/// the initializers of the static fields it evaluated. The parse reads source only through here, so the set is
/// complete; <see cref="ParseCache"/> reuses a result while none of these trees changed.
/// </summary>
internal sealed class SourceReads
{
    private readonly HashSet<SyntaxTree> trees = new();

    public IReadOnlyCollection<SyntaxTree> Trees => trees;

    /// <summary>Notes that the parse depends on <paramref name="tree"/> without reading it here.</summary>
    public void DependOn(SyntaxTree tree) => trees.Add(tree);

    /// <summary>The semantic model of <paramref name="tree"/>, noting that the parse depends on the tree.</summary>
    public SemanticModel Bind(Compilation compilation, SyntaxTree tree)
    {
        trees.Add(tree);
        return compilation.GetSemanticModel(tree);
    }

    /// <summary>The syntax <paramref name="reference"/> points to, noting that the parse depends on its tree.</summary>
    public SyntaxNode Syntax(SyntaxReference reference, CancellationToken cancellationToken)
    {
        trees.Add(reference.SyntaxTree);
        return reference.GetSyntax(cancellationToken);
    }
}
