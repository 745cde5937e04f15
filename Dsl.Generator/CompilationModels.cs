using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.Generator;

/// <summary>
/// The models of one compilation, each interpreted at most once whichever model asks for it first: what the
/// analyzer reports and the shape-annotation refactoring writes. <c>g.Use</c> is followed on demand.
/// </summary>
internal sealed class CompilationModels
{
    private readonly Compilation compilation;
    private readonly INamedTypeSymbol attribute;
    private readonly ConcurrentDictionary<string, ParsedModel?> parsed = new(System.StringComparer.Ordinal);

    private CompilationModels(Compilation compilation, INamedTypeSymbol attribute)
    {
        this.compilation = compilation;
        this.attribute = attribute;
    }

    /// <summary>The models of <paramref name="compilation"/>, or null when it does not reference Dsl (nothing can be a model).</summary>
    public static CompilationModels? For(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ModelGenerator.ModelAttributeName) is { } attribute ? new CompilationModels(compilation, attribute) : null;

    /// <summary>
    /// Interprets and analyzes <paramref name="symbol"/> with the models it uses; null when it is not a model.
    /// The parse holds the location table and the parser's diagnostics, the analysis the shapes and the rules' diagnostics.
    /// </summary>
    public (ParsedModel Parsed, AnalyzedModel Analyzed)? Analyze(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        if (Parse(symbol, cancellationToken) is not { } model)
        {
            return null;
        }

        return (model, Analysis.AnalyzeOne(model.Spec, UsedSpecs(model.Spec, cancellationToken), cancellationToken));
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
