using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.CodeFixes;

/// <summary>
/// Helpers the fixes share: finding the syntax a diagnostic points at, spelling a Dsl type the way the file can
/// see it, and applying text changes (text, not tree rewrites, so the user's formatting stays as it was).
/// </summary>
internal static class SourceEdits
{
    /// <summary>The innermost node of type <typeparamref name="T"/> around <paramref name="location"/>, or null.</summary>
    public static async Task<T?> NodeAtAsync<T>(Document document, Location location, CancellationToken cancellationToken)
        where T : SyntaxNode
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root?.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<T>();
    }

    /// <summary>The value of the diagnostic's fix property <c>DslFix.{index}</c>.</summary>
    public static string? Value(Diagnostic diagnostic, int index) =>
        diagnostic.Properties.TryGetValue(FixKinds.ValuePrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture), out string? value) ? value : null;

    /// <summary><c>Padding</c> where <c>using Dsl;</c> makes it visible at <paramref name="position"/>, else <c>Dsl.Padding</c>.</summary>
    public static async Task<string> DslTypeNameAsync(Document document, int position, string name, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        bool visible = model is not null && model.LookupNamespacesAndTypes(position, name: name)
            .Any(s => s.ContainingNamespace?.ToDisplayString() == "Dsl");
        return visible ? name : "Dsl." + name;
    }

    /// <summary>The solution with <paramref name="changes"/> applied to <paramref name="document"/>.</summary>
    public static async Task<Solution> ApplyAsync(Document document, IEnumerable<TextChange> changes, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(changes)).Project.Solution;
    }

    /// <summary>The solution with one insertion of <paramref name="text"/> at <paramref name="position"/>.</summary>
    public static Task<Solution> InsertAsync(Document document, int position, string text, CancellationToken cancellationToken) =>
        ApplyAsync(document, new[] { new TextChange(new TextSpan(position, 0), text) }, cancellationToken);

    /// <summary>The member access of a call such as <c>x.Linear(10)</c>, or null.</summary>
    public static MemberAccessExpressionSyntax? MemberAccessOf(InvocationExpressionSyntax? invocation) =>
        invocation?.Expression as MemberAccessExpressionSyntax;
}
