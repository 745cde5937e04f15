using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
            var attribute = start.Compilation.GetTypeByMetadataName(ModelGenerator.ModelAttributeName);
            if (attribute is null)
            {
                return; // Dsl.Runtime is not referenced: nothing can be a model.
            }

            var models = new CompilationModels(start.Compilation, attribute);
            start.RegisterSymbolAction(symbolContext => models.Report(symbolContext), SymbolKind.NamedType);
        });
    }

    /// <summary>The models of one compilation, each parsed at most once whichever model asks for it first.</summary>
    private sealed class CompilationModels
    {
        private readonly Compilation compilation;
        private readonly INamedTypeSymbol attribute;
        private readonly ConcurrentDictionary<string, ParsedModel?> parsed = new(System.StringComparer.Ordinal);

        public CompilationModels(Compilation compilation, INamedTypeSymbol attribute)
        {
            this.compilation = compilation;
            this.attribute = attribute;
        }

        public void Report(SymbolAnalysisContext context)
        {
            if (context.Symbol is not INamedTypeSymbol symbol || Parse(symbol, context.CancellationToken) is not { } model)
            {
                return;
            }

            foreach (var info in model.Diagnostics)
            {
                context.ReportDiagnostic(model.ToDiagnostic(info));
            }

            var analyzed = Analysis.AnalyzeOne(model.Spec, UsedSpecs(model.Spec, context.CancellationToken), context.CancellationToken);
            foreach (var info in analyzed.Diagnostics)
            {
                context.ReportDiagnostic(model.ToDiagnostic(info));
            }
        }

        /// <summary>Every model <paramref name="spec"/> uses, directly or through others (cycles end the walk).</summary>
        private List<ModelSpec> UsedSpecs(ModelSpec spec, CancellationToken cancellationToken)
        {
            var found = new Dictionary<string, ModelSpec>(System.StringComparer.Ordinal) { [spec.FullName] = spec };
            var pending = new Stack<ModelSpec>();
            pending.Push(spec);
            while (pending.Count > 0)
            {
                foreach (var use in pending.Pop().Uses)
                {
                    if (!found.ContainsKey(use.Model) &&
                        compilation.GetTypeByMetadataName(use.Model) is { } usedSymbol &&
                        Parse(usedSymbol, cancellationToken) is { } used)
                    {
                        found[use.Model] = used.Spec;
                        pending.Push(used.Spec);
                    }
                }
            }

            found.Remove(spec.FullName);
            return found.Values.ToList();
        }

        private ParsedModel? Parse(INamedTypeSymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol.TypeKind != TypeKind.Class || Declaration(symbol, cancellationToken) is not { } declaration)
            {
                return null;
            }

            string key = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (parsed.TryGetValue(key, out var model))
            {
                return model;
            }

            // Two threads may parse the same model at once; both results are equal, the first one stored wins.
            return parsed.GetOrAdd(key, ModelParser.ParseSafely(declaration, symbol, compilation, cancellationToken));
        }

        /// <summary>The declaration that carries <c>[Model]</c> (as the generator's ForAttributeWithMetadataName finds it), or null.</summary>
        private TypeDeclarationSyntax? Declaration(INamedTypeSymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute) &&
                    data.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent is TypeDeclarationSyntax declaration &&
                    declaration is ClassDeclarationSyntax or RecordDeclarationSyntax)
                {
                    return declaration;
                }
            }

            return null;
        }
    }
}
