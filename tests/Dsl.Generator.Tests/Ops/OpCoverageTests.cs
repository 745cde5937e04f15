using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Dsl.Generator.Model;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// Coverage derived from the catalogue: every op is computed by at least one model that ONNX Runtime parity runs
/// (Dsl.Onnx.Tests discovers them by reflection: the seeds, its Models/ and the classic architectures) and one that
/// PyTorch parity runs (the models PyTorchParityTests lists), and every op has a test file of its own. The models
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

    /// <summary>The models PyTorchParityTests.Models() lists, read from the seeds and the runtime tests.</summary>
    private static readonly Lazy<IReadOnlyList<ModelSpec>> PyTorchParityModels = new(() =>
    {
        string parity = RepoFiles.Read(Path.Combine("tests", "Dsl.Runtime.Tests", "Export", "PyTorchParityTests.cs"));
        int start = parity.IndexOf("public static TheoryData<Type> Models()", StringComparison.Ordinal);
        Assert.True(start >= 0, "PyTorchParityTests.Models() not found");
        string list = parity.Substring(start, parity.IndexOf("};", start, StringComparison.Ordinal) - start);
        var listed = Regex.Matches(list, @"typeof\((?:\w+\.)*(\w+)\)").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(listed.Count > 10, "too few models found in PyTorchParityTests.Models(): " + string.Join(", ", listed));

        var specs = Specs(RepoFiles.ExampleModels().Concat(Directory.GetFiles(Path.Combine(RepoFiles.Root, "tests", "Dsl.Runtime.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))));
        var found = specs.Where(s => listed.Contains(s.ClassName)).ToList();
        var missing = listed.Where(name => found.All(s => s.ClassName != name)).ToList();
        Assert.True(missing.Count == 0, "PyTorch parity models whose source was not found: " + string.Join(", ", missing));
        return found;
    });

    /// <summary>
    /// Ops whose tests still live in the topic files of Diagnostics/, Shapes/ and Emit/ (written before one file per op):
    /// the list only shrinks, and a new op needs <c>Ops/&lt;Op&gt;Tests.cs</c>.
    /// </summary>
    private static readonly string[] TestedInTopicFiles =
    {
        "Activation", "AdaptiveAvgPool2d", "Apply", "BatchNorm", "Binary", "Clamp", "Concat", "Conv", "CosineSimilarity", "Dropout",
        "Embedding", "EuclideanDistance", "GlobalPool", "GroupNorm", "Input", "LayerNorm", "Linear", "MatMul",
        "OutputOf", "Permute", "Pool", "RandomNormalLike", "Recurrent", "Reduce", "Reshape", "Scalar", "Select",
        "Slice", "Softmax", "Split", "Stack", "Transpose", "UpSample2d", "ZeroPad2d",
    };

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

    [Theory]
    [MemberData(nameof(Ops))]
    public void The_op_runs_in_a_PyTorch_parity_model(string op)
    {
        if (PyTorchUnchecked.Contains(op))
        {
            Assert.False(Used(op, PyTorchParityModels.Value), $"{op} runs in a PyTorch parity model now: remove it from PyTorchUnchecked");
            return;
        }

        Assert.True(Used(op, PyTorchParityModels.Value), $"{op} is computed by no model of PyTorchParityTests.Models(): add it to one and list that model there");
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void The_op_has_its_own_test_file(string op)
    {
        bool hasFile = File.Exists(Path.Combine(RepoFiles.Root, "tests", "Dsl.Generator.Tests", "Ops", op + "Tests.cs"));
        if (TestedInTopicFiles.Contains(op))
        {
            Assert.False(hasFile, $"{op} has Ops/{op}Tests.cs now: remove it from TestedInTopicFiles");
            return;
        }

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
