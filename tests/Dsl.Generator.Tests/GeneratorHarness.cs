using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dsl.Generator.Tests;

/// <summary>The result of running the generator over some sources.</summary>
/// <param name="GeneratorDiagnostics">What the generator itself reported (only failures of its emitter).</param>
public sealed record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<(string HintName, string Source)> Generated,
    GeneratorDriver Driver)
{
    private ImmutableArray<Diagnostic>? analyzerDiagnostics;

    /// <summary>What <see cref="ModelAnalyzer"/> reports on the compilation with the generated code, as a build runs it.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics => analyzerDiagnostics ??= GeneratorHarness.Analyze(Output);

    /// <summary>Every DSL diagnostic a build reports: the analyzer's and the generator's own, in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => AnalyzerDiagnostics.Concat(GeneratorDiagnostics)
        .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(d => d.Location.SourceSpan.Start)
        .ToImmutableArray();

    /// <summary>Diagnostics of the compilation including generated code (warnings and errors).</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>The IR of every model, as the pipeline's Specs step produced it.</summary>
    internal ImmutableArray<Dsl.Generator.Model.ModelSpec> Specs => Driver.GetRunResult().Results
        .SelectMany(r => r.TrackedSteps.TryGetValue(TrackingNames.Specs, out var steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty)
        .SelectMany(step => step.Outputs)
        .Select(output => (Dsl.Generator.Model.ModelSpec)output.Value)
        .ToImmutableArray();

    /// <summary>Only the generator's own diagnostics (DSL....), formatted one a line.</summary>
    public string DslDiagnostics => GeneratorHarness.Describe(Diagnostics);

    public string GeneratedSource(string className) =>
        Generated.Single(g => g.HintName == className + ".g.cs" || g.HintName.EndsWith("." + className + ".g.cs", StringComparison.Ordinal)).Source;

    /// <summary>The generated modules (the <c>M.g.cs</c> files, not the <c>M.PyTorch.g.cs</c> ones).</summary>
    public ImmutableArray<(string HintName, string Source)> Modules =>
        Generated.Where(g => !g.HintName.EndsWith(".PyTorch.g.cs", StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>The value of the generated <c>PyTorchSource</c> constant of <paramref name="className"/>: the Python file.</summary>
    public string PyTorchSource(string className)
    {
        string file = Generated.Single(g => g.HintName == className + ".PyTorch.g.cs" || g.HintName.EndsWith("." + className + ".PyTorch.g.cs", StringComparison.Ordinal)).Source;
        var literal = CSharpSyntaxTree.ParseText(file, GeneratorHarness.ParseOptions).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == "PyTorchSource");
        return literal.Initializer!.Value.GetFirstToken().ValueText;
    }
}

/// <summary>Runs <see cref="ModelGenerator"/> in memory against the real Dsl.Runtime and TorchSharp assemblies.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The assemblies a model project compiles against: .NET 10, Dsl.Runtime and TorchSharp.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(Dsl.Graph).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
            })
            .ToImmutableArray());

    /// <summary>
    /// As <see cref="References"/>, plus Dsl.Onnx and the protobuf assemblies it exposes: a project that references
    /// Dsl.Onnx, where every model also gets its ONNX graph (<c>M.Onnx.g.cs</c>).
    /// </summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> OnnxReferences = new(() => References.Value.AddRange(new[]
    {
        MetadataReference.CreateFromFile(typeof(Dsl.Onnx.OnnxGraph).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Onnx.ModelProto).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Google.Protobuf.ByteString).Assembly.Location),
    }));

    /// <summary>Runs the generator as in a project that references Dsl.Onnx (<see cref="OnnxReferences"/>).</summary>
    public static GeneratorRun RunWithOnnx(params string[] sources) => Run(
        CSharpCompilation.Create("DslTestAssembly", sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")), OnnxReferences.Value, CompilationOptions),
        CreateDriver());

    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")));

    /// <summary>Runs the generator over files with their own paths (so #line directives and messages name them).</summary>
    public static GeneratorRun RunFiles(IEnumerable<(string Path, string Source)> files) =>
        Run(Compile(files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: f.Path))), CreateDriver());

    /// <summary>As <see cref="Compile(IEnumerable{SyntaxTree})"/>, in a project that references Dsl.Onnx (every model also gets its ONNX graph).</summary>
    public static CSharpCompilation CompileWithOnnx(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "DslTestAssembly",
        trees,
        OnnxReferences.Value,
        CompilationOptions);

    /// <summary>Compiles syntax trees as they are, without the generator (e.g. emitted code beside its declaration).</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "DslTestAssembly",
        trees,
        References.Value,
        CompilationOptions);

    /// <summary>As a .NET SDK project compiles: a library, nullable on, every warning.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999)
            // As the .NET SDK does (NoWarn 1701;1702): TorchSharp references System.Runtime 8.0, unified with 10.0.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    public static GeneratorDriver CreateDriver() => CreateDriver(new ModelGenerator());

    /// <summary>A driver around <paramref name="generator"/>, so a test can look at the generator's state after runs.</summary>
    internal static GeneratorDriver CreateDriver(ModelGenerator generator) => CSharpGeneratorDriver.Create(
        new[] { generator.AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources), CreateDriver());

    public static GeneratorRun Run(CSharpCompilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var generated = result.Results
            .SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        return new GeneratorRun(compilation, output, diagnostics, generated, driver);
    }

    /// <summary>Runs <see cref="ModelAnalyzer"/> over a compilation; an analyzer exception fails the caller (no AD0001 is swallowed).</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        return WithAnalyzer(compilation, buildProperties)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
    }

    /// <summary>
    /// Runs <see cref="ModelAnalyzer"/> on one file, as an editor asks for one document's diagnostics (models used
    /// from other files are interpreted on demand, their diagnostics not reported).
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzeFile(Compilation compilation, SyntaxTree tree)
    {
        return WithAnalyzer(compilation, null)
            .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, System.Threading.CancellationToken.None)
            .GetAwaiter()
            .GetResult();
    }

    /// <summary>The compilation with <see cref="ModelAnalyzer"/>; an analyzer exception fails the caller (no AD0001 is swallowed).</summary>
    private static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, IReadOnlyDictionary<string, string>? buildProperties) =>
        compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuildProperties(buildProperties ?? new Dictionary<string, string>())),
                onAnalyzerException: (ex, _, _) => throw new InvalidOperationException("ModelAnalyzer threw: " + ex, ex),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));

    /// <summary>Formats diagnostics one a line, as <c>dotnet build</c> does, with the underlined source text.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(
        Environment.NewLine,
        diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            string text = d.Location.IsInSource ? d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) : "";
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} «{text}»";
        }));
}

/// <summary>Global analyzer options as MSBuild passes a project's CompilerVisibleProperty values: <c>build_property.Name</c>.</summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    private readonly Options global;

    public BuildProperties(IReadOnlyDictionary<string, string> properties) =>
        global = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
