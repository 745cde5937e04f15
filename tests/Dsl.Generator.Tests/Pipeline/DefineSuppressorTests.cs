using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary><see cref="DefineSuppressor"/> silences IDE0051 on a model's Define, and nowhere else.</summary>
public class DefineSuppressorTests
{
    [Fact]
    public async System.Threading.Tasks.Task IDE0051_is_suppressed_on_Define_of_a_model_only()
    {
        var compilation = GeneratorHarness.Compile("""
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
            }
            """);

        var diagnostics = await compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new UnusedPrivateMethods(), new DefineSuppressor()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        string Describe(Diagnostic d) => d.GetMessage() + (d.IsSuppressed ? " (suppressed)" : "");
        Assert.Equal(
            new[] { "Net.Define (suppressed)", "Net.Unused", "Plain.Define" },
            diagnostics.Where(d => d.Id == "IDE0051").Select(Describe).OrderBy(m => m, System.StringComparer.Ordinal));
    }

#pragma warning disable RS1036, RS1038, RS1041, RS2008 // a stand-in for the IDE's analyzer inside a test, never shipped
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
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
