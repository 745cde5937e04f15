using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dsl.Generator;

/// <summary>
/// The pipeline: find [Model] classes, interpret each Define into an IR (Parsing), gather all models, infer
/// shapes (Shapes), then emit one TorchSharp module per model (Emit). Diagnostics travel beside the IR and are
/// reported by a second output with their real source locations.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    internal const string ModelAttributeName = "Dsl.ModelAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParsedModel> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelAttributeName,
                // Records too (AttributeUsage.Class admits them): they get DSL0107 instead of being silently skipped.
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: static (ctx, ct) => ModelParser.ParseSafely(ctx, ct))
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

        var diagnosticsInput = parsed.Collect()
            .Combine(analyzed.Collect())
            .WithTrackingName(TrackingNames.DiagnosticsInput);

        context.RegisterSourceOutput(diagnosticsInput, static (spc, input) => Report(spc, input.Left, input.Right));
    }

    private static void EmitSafely(SourceProductionContext context, AnalyzedModel model)
    {
        if (!model.CanEmit)
        {
            return;
        }

        string source;
        try
        {
            source = ModelEmitter.Emit(model);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The source output sees only the IR, not the location table: the message names the model instead.
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, model.Spec.ClassName, Describe(ex)));
            return;
        }

        context.AddSource(HintName(model.Spec), SourceText.From(source, System.Text.Encoding.UTF8));
    }

    internal static string HintName(ModelSpec spec) => spec.FullName + ".g.cs";

    private static void Report(SourceProductionContext context, ImmutableArray<ParsedModel> parsed, ImmutableArray<AnalyzedModel> analyzed)
    {
        var byName = new Dictionary<string, ParsedModel>(StringComparer.Ordinal);
        foreach (var model in parsed)
        {
            byName[model.Spec.FullName] = model;
            foreach (var info in model.Diagnostics)
            {
                context.ReportDiagnostic(ToDiagnostic(info, model));
            }
        }

        foreach (var model in analyzed)
        {
            if (!byName.TryGetValue(model.Spec.FullName, out var source))
            {
                continue;
            }

            foreach (var info in model.Diagnostics)
            {
                context.ReportDiagnostic(ToDiagnostic(info, source));
            }
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info, ParsedModel model) =>
        Diagnostic.Create(Descriptors.Get(info.Id), model.LocationOf(info.Site), info.Args.Items.Cast<object>().ToArray());

    internal static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ').Replace('\r', ' ');
}
