using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Generator;

/// <summary>
/// Silences two IDE diagnostics that the model pattern itself causes, and only on models:
/// <list type="bullet">
/// <item>IDE0051 ("private member 'Define' is unused") on <c>Define</c>: nothing calls it at run time because the
/// generator reads it at compile time, so the advice to remove it would delete the model;</item>
/// <item>CA1708 ("names should differ by more than case") on a <c>[Model]</c> class: the generated
/// <c>forward</c> is TorchSharp's override and <c>Forward</c> its typed convenience, by design.</item>
/// </list>
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ModelSuppressor : DiagnosticSuppressor
{
    internal static readonly SuppressionDescriptor UnusedDefine = new(
        "DSLSPR0051",
        "IDE0051",
        "Define is read by the Dsl generator at compile time; nothing calls it at run time");

    internal static readonly SuppressionDescriptor ForwardCase = new(
        "DSLSPR1708",
        "CA1708",
        "A model's generated 'forward' (TorchSharp's override) and 'Forward' (its typed overload) differ by case by design");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(UnusedDefine, ForwardCase);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
            var model = context.GetSemanticModel(tree);
            var suppression = diagnostic.Id == UnusedDefine.SuppressedDiagnosticId
                ? (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method &&
                   model.GetDeclaredSymbol(method, context.CancellationToken) is { Name: "Define", IsStatic: true } define &&
                   IsModel(define.ContainingType) ? UnusedDefine : null)
                : (node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } declaration &&
                   model.GetDeclaredSymbol(declaration, context.CancellationToken) is INamedTypeSymbol type &&
                   IsModel(type) ? ForwardCase : null);
            if (suppression is not null)
            {
                context.ReportSuppression(Suppression.Create(suppression, diagnostic));
            }
        }
    }

    private static bool IsModel(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ModelGenerator.ModelAttributeName);
}
