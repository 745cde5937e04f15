using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary><see cref="ModelSuppressor"/> silences IDE0051 on a model's Define and CA1708 on a model class, and nowhere else.</summary>
public class ModelSuppressorTests
{
    [Fact]
    public async System.Threading.Tasks.Task IDE0051_and_CA1708_are_suppressed_on_models_only()
    {
        // With the generated code, as in a build: it declares Net's forward and Forward.
        var compilation = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
                static void Unused() { }
            }

            public class Plain
            {
                static void Define(Graph g) { }
                public void Run() { }
                public void run() { }
            }
            """).Output;

        var diagnostics = await compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new UnusedPrivateMethods(), new ModelSuppressor(), new CaseOnlyNames()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        string Describe(Diagnostic d) => d.GetMessage() + (d.IsSuppressed ? " (suppressed)" : "");
        Assert.Equal(
            new[] { "Net.Define (suppressed)", "Net.Unused", "Plain.Define" },
            diagnostics.Where(d => d.Id == "IDE0051").Select(Describe).OrderBy(m => m, System.StringComparer.Ordinal));
        Assert.Equal(
            new[] { "Net (suppressed)", "Plain" },
            diagnostics.Where(d => d.Id == "CA1708").Select(Describe).OrderBy(m => m, System.StringComparer.Ordinal));
    }

#pragma warning disable RS1029, RS1036, RS1038, RS1041, RS2008 // a stand-in for the IDE's analyzer inside a test, never shipped
    /// <summary>Stands in for the IDE's IDE0051: reports every private method, at its name, as the IDE does.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class UnusedPrivateMethods : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("IDE0051", "Unused private member", "{0}", "Style", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(
                c =>
                {
                    if (c.Symbol is IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } method)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, method.Locations[0], method.ContainingType.Name + "." + method.Name));
                    }
                },
                SymbolKind.Method);
        }
    }
    /// <summary>Stands in for CA1708: reports every type with two members whose names differ only by case, at the type.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CaseOnlyNames : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("CA1708", "Names should differ by more than case", "{0}", "Naming", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(
                c =>
                {
                    var type = (INamedTypeSymbol)c.Symbol;
                    var names = type.GetMembers().Select(m => m.Name).Distinct().ToList();
                    if (names.GroupBy(n => n.ToUpperInvariant()).Any(g => g.Count() > 1))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations.First(l => l.SourceTree?.FilePath.StartsWith("Model", System.StringComparison.Ordinal) == true), type.Name));
                    }
                },
                SymbolKind.NamedType);
        }
    }

#pragma warning restore RS1029, RS1036, RS1038, RS1041, RS2008
}
