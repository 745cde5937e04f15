using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Reads one <c>[Model]</c> class: checks the class can be extended (partial, top level, not generic, no base
/// class), finds <c>static void Define(Graph g)</c> and interprets it into a <see cref="ModelSpec"/>.
/// Never throws: an unexpected failure becomes DSL0106 on the class.
/// </summary>
internal static class ModelParser
{
    /// <summary>The generator's entry point: the class declaration that carries <c>[Model]</c>.</summary>
    public static ParsedModel ParseSafely(GeneratorAttributeSyntaxContext context, SourceReads reads, CancellationToken cancellationToken) =>
        ParseSafely((TypeDeclarationSyntax)context.TargetNode, (INamedTypeSymbol)context.TargetSymbol, context.SemanticModel.Compilation, reads, cancellationToken);

    /// <summary>
    /// Reads the model declared by <paramref name="declaration"/> (the declaration that carries <c>[Model]</c>).
    /// The generator and the analyzer both come here, so they see the same IR and the same diagnostics.
    /// </summary>
    public static ParsedModel ParseSafely(TypeDeclarationSyntax declaration, INamedTypeSymbol symbol, Compilation compilation, CancellationToken cancellationToken) =>
        ParseSafely(declaration, symbol, compilation, new SourceReads(), cancellationToken);

    /// <summary>As above, noting in <paramref name="reads"/> every syntax tree the result depends on.</summary>
    public static ParsedModel ParseSafely(TypeDeclarationSyntax declaration, INamedTypeSymbol symbol, Compilation compilation, SourceReads reads, CancellationToken cancellationToken)
    {
        var builder = new GraphBuilder(symbol.Name);
        int classSite = builder.AddSite(declaration.Identifier.GetLocation());
        foreach (var part in symbol.DeclaringSyntaxReferences)
        {
            reads.DependOn(part.SyntaxTree);
        }

        bool complete;
        try
        {
            complete = Parse(declaration, symbol, compilation, reads, builder, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InterpretationError error)
        {
            // A budget ran out (the interpreter recovers from every other mistake): the graph is cut off, so nothing is analyzed.
            builder.ReportError(error);
            complete = false;
        }
        catch (PoisonedValue)
        {
            // A failed value reached the top of Define unreported by a statement; its mistake is already reported.
            complete = false;
        }
        catch (Exception ex)
        {
            builder.Report(Descriptors.InternalError, classSite, symbol.Name, ModelGenerator.Describe(ex));
            complete = false;
        }

        var (nodes, outputs, losses) = complete
            ? builder.Build()
            : (EquatableArray<NodeSpec>.Empty, EquatableArray<OutputSpec>.Empty, EquatableArray<LossSpec>.Empty);
        var spec = new ModelSpec(
            symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            SyntaxFacts.GetText(symbol.DeclaredAccessibility),
            classSite,
            nodes,
            outputs,
            complete && !builder.Diagnostics.Any(d => Descriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error),
            losses,
            complete ? builder.Uses : EquatableArray<UseSpec>.Empty)
        {
            RecoveredErrors = builder.RecoveredErrors > 0,
        };
        return new ParsedModel(spec, builder.Sites.ToImmutableArray(), builder.Diagnostics.ToImmutableArray());
    }

    private static bool Parse(TypeDeclarationSyntax declaration, INamedTypeSymbol symbol, Compilation compilation, SourceReads reads, GraphBuilder builder, CancellationToken cancellationToken)
    {
        int classSite = 0;
        if (!HasCompleteName(symbol))
        {
            // Half-typed code ("class : ..." or "namespace .Models"): the C# compiler reports the missing name;
            // a module emitted under an empty name would only add a cascade of errors in generated code.
            return false;
        }

        if (symbol.IsRecord)
        {
            builder.Report(Descriptors.UnsupportedModelClass, classSite, symbol.Name, "is a record; declare it as a 'partial class' (the generated module is a class)");
            return false;
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            builder.ReportWithFix(FixSpec.Of(FixKinds.MakePartial), Descriptors.NotPartial, classSite, symbol.Name);
            return false;
        }

        string? problem =
            symbol.ContainingType is not null ? $"is nested in '{symbol.ContainingType.Name}'; declare it directly in a namespace" :
            symbol.IsGenericType ? "is generic; a model class cannot have type parameters" :
            symbol.IsStatic ? "is static; remove 'static' so the module can be instantiated" :
            symbol.IsAbstract ? "is abstract; remove 'abstract' so the module can be instantiated" :
            System.Array.IndexOf(Emit.ReservedNames.ClassMembers, symbol.Name) >= 0
            || (System.Array.IndexOf(Emit.Onnx.OnnxGraphEmitter.MemberNames, symbol.Name) >= 0 && compilation.GetTypeByMetadataName(ModelGenerator.OnnxGraphTypeName) is not null)
                ? $"is named like a member of its generated module: the generated module declares a member '{symbol.Name}', and a class cannot hold a member of its own name (CS0542); rename the class, for example to '{symbol.Name}Model'" :
            DeclaredBaseClass(symbol, compilation, reads, cancellationToken) is { } baseType ? $"derives from '{baseType.Name}'; the generator makes it derive from TorchSharp's Module, so remove the base class" :
            null;
        if (problem is not null)
        {
            builder.Report(Descriptors.UnsupportedModelClass, classSite, symbol.Name, problem);
            return false;
        }

        var defines = symbol.GetMembers("Define").OfType<IMethodSymbol>().ToList();
        var define = defines.FirstOrDefault(IsDefine);
        if (define is null)
        {
            if (defines.Count > 0)
            {
                builder.Report(Descriptors.MissingDefine, classSite, symbol.Name, "; the existing Define must be static, return void and take one Dsl.Graph parameter");
            }
            else
            {
                builder.ReportWithFix(FixSpec.Of(FixKinds.AddDefine), Descriptors.MissingDefine, classSite, symbol.Name, "");
            }

            return false;
        }

        var syntax = define.DeclaringSyntaxReferences.FirstOrDefault() is { } reference ? reads.Syntax(reference, cancellationToken) as MethodDeclarationSyntax : null;
        if (syntax is null || (syntax.Body is null && syntax.ExpressionBody is null))
        {
            builder.Report(Descriptors.MissingDefine, classSite, symbol.Name, "; Define needs a body");
            return false;
        }

        var semanticModel = reads.Bind(compilation, syntax.SyntaxTree);
        if (semanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // The C# compiler already reports these; interpreting code that does not bind would only add noise.
            return false;
        }

        if (semanticModel.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body)
        {
            builder.Report(Descriptors.MissingDefine, classSite, symbol.Name, "; its body could not be read");
            return false;
        }

        var interpreter = new Interpreter(semanticModel.Compilation, reads, builder, cancellationToken);
        interpreter.RunDefine(define.Parameters[0], body);
        return true;
    }

    /// <summary>
    /// The base class the user's own declarations name, or null. The symbol's BaseType cannot tell: where the
    /// generated part of the class is in the compilation (as it is for the analyzer), it names Module.
    /// </summary>
    private static INamedTypeSymbol? DeclaredBaseClass(INamedTypeSymbol symbol, Compilation compilation, SourceReads reads, CancellationToken cancellationToken)
    {
        if (symbol.BaseType is not { SpecialType: not SpecialType.System_Object } baseType)
        {
            return null;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (ModelGenerator.IsGenerated(reference.SyntaxTree) ||
                reads.Syntax(reference, cancellationToken) is not TypeDeclarationSyntax { BaseList: { } baseList })
            {
                continue;
            }

            var semanticModel = reads.Bind(compilation, reference.SyntaxTree);
            foreach (var type in baseList.Types)
            {
                if (semanticModel.GetTypeInfo(type.Type, cancellationToken).Type is INamedTypeSymbol { TypeKind: TypeKind.Class } named)
                {
                    return named;
                }
            }
        }

        // Declared nowhere in the user's code (only in the generated part), or not resolvable: no user base class.
        return baseType.TypeKind == TypeKind.Error ? baseType : null;
    }

    private static bool HasCompleteName(INamedTypeSymbol symbol)
    {
        if (!SyntaxFacts.IsValidIdentifier(symbol.Name))
        {
            return false;
        }

        for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!SyntaxFacts.IsValidIdentifier(ns.Name))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDefine(IMethodSymbol method) =>
        method.IsStatic &&
        method.ReturnsVoid &&
        method.Parameters.Length == 1 &&
        method.Parameters[0].Type is INamedTypeSymbol { Name: "Graph" } type &&
        DslCalls.IsDslType(type);
}
