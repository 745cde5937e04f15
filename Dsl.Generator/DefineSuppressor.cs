using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Generator;

/// <summary>
/// Silences IDE0051 ("private member 'Define' is unused") on a model's <c>Define</c>: nothing calls it at run
/// time because the generator reads it at compile time, so the IDE's advice to remove it would delete the model.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class DefineSuppressor : DiagnosticSuppressor
{
    internal static readonly SuppressionDescriptor UnusedDefine = new(
        "DSLSPR0051",
        "IDE0051",
        "Define is read by the Dsl generator at compile time; nothing calls it at run time");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(UnusedDefine);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree ||
                tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            {
                continue;
            }

            if (context.GetSemanticModel(tree).GetDeclaredSymbol(method, context.CancellationToken) is { Name: "Define", IsStatic: true } define &&
                define.ContainingType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ModelGenerator.ModelAttributeName))
            {
                context.ReportSuppression(Suppression.Create(UnusedDefine, diagnostic));
            }
        }
    }
}
