using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.Generator;

/// <summary>
/// The pipeline: find [Model] classes, interpret each Define into an IR (Parsing), gather all models, infer
/// shapes (Shapes), then emit one TorchSharp module per model (Emit); a model with errors gets a skeleton with
/// the same members whose bodies throw, so code that uses it compiles and only the DSL error shows. The
/// diagnostics found on the way are reported by <see cref="ModelAnalyzer"/> (editors ask analyzers, not
/// generators), from the same parser and rules; the generator reports only a failure of its own emitter.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    internal const string ModelAttributeName = "Dsl.ModelAttribute";

    /// <summary>Each model's parse, reused across compilations while nothing it read changed (editors recompile on every keystroke).</summary>
    internal ParseCache Parses { get; } = new();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parses = Parses;
        IncrementalValuesProvider<ParsedModel> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelAttributeName,
                // Records too (AttributeUsage.Class admits them): they get DSL0107 instead of being silently skipped.
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: (ctx, ct) => parses.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<ModelSpec> specs = parsed
            .Select(static (p, _) => p.Spec)
            .WithTrackingName(TrackingNames.Specs);

        IncrementalValueProvider<ImmutableArray<ModelSpec>> allSpecs = specs
            .Collect()
            .WithTrackingName(TrackingNames.AllSpecs);

        IncrementalValuesProvider<AnalyzedModel> analyzed = allSpecs
            .SelectMany(static (all, ct) => Analysis.AnalyzeAll(all, ct))
            .WithTrackingName(TrackingNames.Analyzed);

        context.RegisterSourceOutput(analyzed, static (spc, model) => EmitSafely(spc, model));

        // The ONNX graph (a second file per model) only where the compilation references Dsl.Onnx, which builds it.
        IncrementalValueProvider<bool> onnxReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(OnnxGraphTypeName) is not null)
            .WithTrackingName(TrackingNames.OnnxReferenced);
        context.RegisterSourceOutput(analyzed.Combine(onnxReferenced), static (spc, pair) =>
        {
            if (pair.Right)
            {
                EmitOnnxSafely(spc, pair.Left);
            }
        });
    }

    /// <summary>The type the generated ONNX code builds (Dsl.Onnx); without it no ONNX file is emitted.</summary>
    internal const string OnnxGraphTypeName = "Dsl.Onnx.OnnxGraph";

    private static void EmitOnnxSafely(SourceProductionContext context, AnalyzedModel model)
    {
        if (!SkeletonEmitter.CanEmit(model) || !OnnxGraphEmitter.CanEmit(model))
        {
            return;
        }

        string source;
        try
        {
            source = OnnxGraphEmitter.Emit(model, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, model.Spec.ClassName, Describe(ex)));
            return;
        }

        context.AddSource(OnnxHintName(model.Spec), SourceText.From(source, System.Text.Encoding.UTF8));
    }

    private static void EmitSafely(SourceProductionContext context, AnalyzedModel model)
    {
        if (!model.CanEmit && !SkeletonEmitter.CanEmit(model))
        {
            return;
        }

        string source;
        try
        {
            source = model.CanEmit ? ModelEmitter.Emit(model, context.CancellationToken) : SkeletonEmitter.Emit(model, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !model.CanEmit)
        {
            // A skeleton is a courtesy to the code that uses a model whose errors are already reported; a model
            // too broken for one stays without generated members rather than adding a second, misleading error.
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The source output sees only the IR, not the location table: the message names the model instead.
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, model.Spec.ClassName, Describe(ex)));
            return;
        }

        context.AddSource(HintName(model.Spec), SourceText.From(source, System.Text.Encoding.UTF8));
        EmitPyTorch(context, model);
    }

    /// <summary>
    /// The model's PyTorch source as the generated constant <c>PyTorchSource</c>, in a file of its own (for a model
    /// with errors, beside its skeleton, a source that raises and says so).
    /// </summary>
    private static void EmitPyTorch(SourceProductionContext context, AnalyzedModel model)
    {
        string source;
        try
        {
            source = PyTorchEmitter.EmitCSharp(model, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, model.Spec.ClassName, "PyTorch source: " + Describe(ex)));
            return;
        }

        context.AddSource(PyTorchHintName(model.Spec), SourceText.From(source, System.Text.Encoding.UTF8));
    }

    internal static string HintName(ModelSpec spec) => spec.FullName + ".g.cs";

    internal static string OnnxHintName(ModelSpec spec) => spec.FullName + ".Onnx.g.cs";
    internal static string PyTorchHintName(ModelSpec spec) => spec.FullName + ".PyTorch.g.cs";

    /// <summary>True for a file this generator added to the compilation (its path holds the generator's type name).</summary>
    internal static bool IsGenerated(SyntaxTree tree) =>
        tree.FilePath.Replace('\\', '/').Split('/').Contains(typeof(ModelGenerator).FullName);

    internal static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ').Replace('\r', ' ');
}
