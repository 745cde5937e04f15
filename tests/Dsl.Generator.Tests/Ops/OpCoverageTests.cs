using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Dsl.Generator.Model;
using Dsl.Generator.Ops;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// Coverage derived from the catalogue: every op is computed by at least one model that ONNX Runtime parity runs
/// (Dsl.Onnx.Tests discovers them by reflection: the seeds, its Models/ and the classic architectures) and one that
/// PyTorch parity runs (the seeds and the runtime tests' models marked <c>[PyTorchParity]</c>), and every op has a test file of its own. The models
/// are read as the generator reads them, so an op counts where a model really uses it.
/// </summary>
public class OpCoverageTests
{
    /// <summary>The sources of the models OnnxRuntimeParityTests runs (SeedModels.All).</summary>
    private static readonly Lazy<IReadOnlyList<ModelSpec>> OnnxParityModels = new(() => Specs(
        RepoFiles.ExampleModels()
            .Concat(Directory.GetFiles(Path.Combine(RepoFiles.Root, "tests", "Dsl.Onnx.Tests", "Models"), "*.cs"))
            .Concat(LinkedIntoOnnxTests())));

    /// <summary>The runtime tests' model files that Dsl.Onnx.Tests compiles too (its csproj links them), so its parity test runs them.</summary>
    private static IEnumerable<string> LinkedIntoOnnxTests() =>
        Regex.Matches(RepoFiles.Read(Path.Combine("tests", "Dsl.Onnx.Tests", "Dsl.Onnx.Tests.csproj")), @"Include=""\.\./(Dsl\.Runtime\.Tests/[^""]+\.cs)""")
            .Select(m => Path.Combine(RepoFiles.Root, "tests", m.Groups[1].Value));

    /// <summary>
    /// The models PyTorch parity runs, found as PyTorchParityModels (runtime tests) finds them by reflection: every seed
    /// except a part without a loss of its own that trains only inside another seed, and every class of the runtime
    /// tests marked <c>[PyTorchParity]</c> (the mark read from the syntax). A marked class the generator reads no
    /// model from fails here.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<ModelSpec>> PyTorchParityModels = new(() =>
    {
        var run = GeneratorHarness.RunFiles(RepoFiles.ExampleModels().Concat(RuntimeTestSources())
            .Select(p => (Path.GetRelativePath(RepoFiles.Root, p), File.ReadAllText(p))).ToList());
        var specs = run.Specs;
        var marked = MarkedForPyTorchParity(run.Input).ToList();
        Assert.True(marked.Count > 10, "too few classes marked [PyTorchParity] in tests/Dsl.Runtime.Tests: " + string.Join(", ", marked.Select(m => m.FullName)));
        var unread = marked.Where(m => specs.All(s => s.FullName != m.FullName)).ToList();
        Assert.True(unread.Count == 0, string.Join("\n", unread.Select(m =>
            $"{m.FullName} ({m.File}) is marked [PyTorchParity] but the generator read no model from it: mark a partial [Model] class whose Define builds a graph")));

        var seeds = specs.Where(s => s.Namespace == ExampleNamespace).ToList();
        bool partOnly(ModelSpec seed) => seed.Losses.Count == 0 && seeds.Any(other => other.Uses.Any(u => u.Model == seed.FullName));
        Assert.True(seeds.Count >= 8, "too few seeds read from Examples/Models: " + string.Join(", ", seeds.Select(s => s.ClassName)));
        return seeds.Where(s => !partOnly(s)).Concat(specs.Where(s => marked.Any(m => m.FullName == s.FullName))).ToList();
    });

    private const string ExampleNamespace = "Examples.Models";

    /// <summary>The sources of the runtime tests (not their build output).</summary>
    private static IEnumerable<string> RuntimeTestSources() =>
        Directory.GetFiles(Path.Combine(RepoFiles.Root, "tests", "Dsl.Runtime.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>The classes that carry <c>[PyTorchParity]</c> (however written: with its namespace, with the Attribute suffix), by metadata name.</summary>
    private static IEnumerable<(string FullName, string File)> MarkedForPyTorchParity(Compilation compilation) =>
        from tree in compilation.SyntaxTrees
        from declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
        where declaration.AttributeLists.SelectMany(l => l.Attributes).Any(IsPyTorchParityMark)
        let symbol = compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!
        select (symbol.ContainingNamespace.IsGlobalNamespace ? symbol.Name : symbol.ContainingNamespace.ToDisplayString() + "." + symbol.Name, tree.FilePath);

    private static bool IsPyTorchParityMark(AttributeSyntax attribute)
    {
        string name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
            SimpleNameSyntax simple => simple.Identifier.Text,
            _ => "",
        };
        return name is "PyTorchParity" or nameof(Dsl.Runtime.Tests.PyTorchParityAttribute);
    }


    public static TheoryData<string> Ops()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in OpCatalogue.All)
        {
            data.Add(OpName(descriptor));
        }

        return data;
    }

    /// <summary>Ops that draw random values, which no parity model can compare: the test file that checks their distribution instead.</summary>
    private static readonly Dictionary<string, string> OnnxDistributionTests = new()
    {
        ["RandomNormalLike"] = "tests/Dsl.Onnx.Tests/RandomNormalLikeTests.cs",
    };

    /// <summary>Random ops without a distribution check against PyTorch yet (a known gap; the list only shrinks).</summary>
    private static readonly string[] PyTorchUnchecked = { "RandomNormalLike" };

    [Theory]
    [MemberData(nameof(Ops))]
    public void The_op_runs_in_an_ONNX_Runtime_parity_model(string op)
    {
        if (OnnxDistributionTests.TryGetValue(op, out string? test))
        {
            Assert.False(Used(op, OnnxParityModels.Value), $"{op} runs in a parity model now: remove it from OnnxDistributionTests");
            Assert.Contains("." + op + "()", RepoFiles.Read(test));
            return;
        }

        Assert.True(Used(op, OnnxParityModels.Value), $"{op} is computed by no ONNX Runtime parity model: add it to one of tests/Dsl.Onnx.Tests/Models/");
    }

    /// <summary>The PyTorch parity models read from their sources, once (the op tests below fail with the same message).</summary>
    [Fact]
    public void Every_model_marked_for_PyTorch_parity_is_read_from_its_source()
    {
        var names = PyTorchParityModels.Value.Select(m => m.ClassName).ToList();
        Assert.Contains("DigitClassifier", names);
        Assert.DoesNotContain("SiameseTower", names);
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void The_op_runs_in_a_PyTorch_parity_model(string op)
    {
        if (PyTorchUnchecked.Contains(op))
        {
            Assert.False(Used(op, PyTorchParityModels.Value), $"{op} runs in a PyTorch parity model now: remove it from PyTorchUnchecked");
            return;
        }

        Assert.True(Used(op, PyTorchParityModels.Value), $"{op} is computed by no PyTorch parity model: use it in a model of tests/Dsl.Runtime.Tests marked [PyTorchParity] (or mark a new [Model] there)");
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void The_op_has_its_own_test_file(string op)
    {
        bool hasFile = File.Exists(Path.Combine(RepoFiles.Root, "tests", "Dsl.Generator.Tests", "Ops", op + "Tests.cs"));
        Assert.True(hasFile, $"{op} has no tests/Dsl.Generator.Tests/Ops/{op}Tests.cs: add one (its shapes and diagnostics, written with DefineBody)");
    }

    private static bool Used(string op, IReadOnlyList<ModelSpec> models)
    {
        var type = OpCatalogue.All.Single(d => OpName(d) == op).OpType;
        Assert.True(models.Count > 5, "too few models were read: " + string.Join(", ", models.Select(m => m.ClassName)));
        return models.Any(m => m.Nodes.Any(n => n.Op.GetType() == type));
    }

    private static string OpName(OpDescriptor descriptor) => descriptor.OpType.Name.Substring(0, descriptor.OpType.Name.Length - "Op".Length);

    private static IReadOnlyList<ModelSpec> Specs(IEnumerable<string> paths) =>
        GeneratorHarness.RunFiles(paths.Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToList()).Specs;
}
