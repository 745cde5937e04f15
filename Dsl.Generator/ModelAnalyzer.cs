using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Generator;

/// <summary>
/// Reports every DSL diagnostic. Editors ask analyzers, not generators, for a document's diagnostics, so this is
/// where they come from (live, as the user types) while <see cref="ModelGenerator"/> only emits code. Both run
/// the same parser and shape rules: a model is interpreted once per compilation here, on demand, together with
/// the models it uses through <c>g.Use</c>; only the analyzed model's own diagnostics are reported, so each
/// mistake is reported once, by the model that contains it.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ModelAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.All.ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationModels.For(start.Compilation) is not { } models)
            {
                return; // Dsl.Runtime is not referenced: nothing can be a model.
            }

            start.RegisterSymbolAction(symbolContext => Report(symbolContext, models), SymbolKind.NamedType);
        });
    }

    private static void Report(SymbolAnalysisContext context, CompilationModels models)
    {
        if (context.Symbol is not INamedTypeSymbol symbol || models.Analyze(symbol, context.CancellationToken) is not var (parsed, analyzed))
        {
            return;
        }

        foreach (var info in parsed.Diagnostics.Concat(analyzed.Diagnostics))
        {
            context.ReportDiagnostic(parsed.ToDiagnostic(info));
        }

        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ParameterBudget.Property, out string? budget);
        if (ParameterBudget.Check(analyzed, ParameterBudget.Parse(budget)) is { } overBudget)
        {
            context.ReportDiagnostic(parsed.ToDiagnostic(overBudget));
        }
    }
}
