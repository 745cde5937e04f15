using System.Threading;
using System.Threading.Tasks;
using Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.CodeFixes;

/// <summary>
/// "Annotate shapes": anywhere in a <c>[Model]</c> class, writes or refreshes a trailing <c>// [B, C, H, W]</c>
/// comment on each statement of <c>Define</c> and its helpers, from the shapes the generator infers.
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(ShapeAnnotationRefactoring))]
public sealed class ShapeAnnotationRefactoring : CodeRefactoringProvider
{
    internal const string Title = "Annotate shapes";

    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration ||
            model?.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol symbol ||
            CompilationModels.For(model.Compilation)?.Analyze(symbol, context.CancellationToken) is not var (parsed, analyzed))
        {
            return;
        }

        var changes = ShapeAnnotations.Changes(declaration, parsed, analyzed);
        if (changes.Count > 0)
        {
            context.RegisterRefactoring(CodeAction.Create(
                Title,
                ct => SourceEdits.ApplyAsync(document, changes, ct),
                equivalenceKey: nameof(ShapeAnnotationRefactoring)));
        }
    }
}
