using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using static Dsl.Runtime.Tests.Weights.WeightTestSupport;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>
/// <see cref="ModelWeights.LoadWeights(nn.Module, string, bool, bool, string?)"/> on models that do not quite
/// match the file: renamed and resized layers are reported, strict loading throws before changing anything,
/// prefixes move weights between a standalone model and a container's submodule, and in-order loading ignores
/// names.
/// </summary>
public class LoadWeightsReportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Two linear layers with chosen names and hidden size: 4 -> hidden -> 2.</summary>
    private sealed class TwoLayers : nn.Module
    {
        public TwoLayers(string first, string second, int hidden = 8)
            : base(nameof(TwoLayers))
        {
            register_module(first, nn.Linear(4, hidden));
            register_module(second, nn.Linear(hidden, 2));
        }
    }

    /// <summary>A container with a DigitClassifier registered as <c>teacher</c> and another as <c>student</c>.</summary>
    private sealed class TeacherStudent : nn.Module
    {
        public TeacherStudent()
            : base(nameof(TeacherStudent))
        {
            register_module("teacher", new DigitClassifier("teacher"));
            register_module("student", new DigitClassifier("student"));
        }
    }

    private string SaveTwoLayers(string fileName, string first = "fc1", string second = "fc2", int hidden = 8)
    {
        torch.manual_seed(31);
        using var model = new TwoLayers(first, second, hidden);
        string path = _dir.File(fileName);
        model.SaveWeights(path);
        return path;
    }

    [Fact]
    public void A_renamed_layer_is_missing_in_the_file_and_unexpected_in_the_model()
    {
        string path = SaveTwoLayers("two.safetensors");
        torch.manual_seed(32);
        using var model = new TwoLayers("fc1", "head");
        var headBefore = Snapshot(model).Where(kv => kv.Key.StartsWith("head.", StringComparison.Ordinal)).ToDictionary();

        var report = model.LoadWeights(path);

        Assert.Equal(new[] { "fc1.weight", "fc1.bias" }, report.Loaded);
        Assert.Equal(new[] { "head.weight", "head.bias" }, report.Missing);
        Assert.Equal(new[] { "fc2.bias", "fc2.weight" }.Order(), report.Unexpected.Order());
        Assert.Empty(report.ShapeMismatches);
        Assert.False(report.IsExactMatch);
        using var file = WeightFile.Read(path);
        AssertSameTensor(file["fc1.weight"], model.state_dict()["fc1.weight"], "fc1.weight");
        Assert.Equal(headBefore["head.weight"].Bytes, Bytes(model.state_dict()["head.weight"]));
    }

    [Fact]
    public void A_resized_layer_is_a_shape_mismatch_and_the_report_reads_well()
    {
        string path = SaveTwoLayers("two.dat");
        using var model = new TwoLayers("fc1", "fc2", hidden: 16);
        var report = model.LoadWeights(path);

        Assert.Equal(new[] { "fc2.bias" }, report.Loaded);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Unexpected);
        Assert.Equal(
            new[] { "fc1.weight: model [16, 4], file [8, 4]", "fc1.bias: model [16], file [8]", "fc2.weight: model [2, 16], file [2, 8]" },
            report.ShapeMismatches.Select(m => m.ToString()));
        Assert.Equal(new long[] { 16, 4 }, report.ShapeMismatches[0].ModelShape);
        Assert.Equal(new long[] { 8, 4 }, report.ShapeMismatches[0].FileShape);
        Assert.Equal(
            $"Loaded 1 of 4 model tensors from '{path}': 0 missing, 0 unexpected, 3 shape mismatches.{Environment.NewLine}" +
            $"Shape mismatches:{Environment.NewLine}" +
            $"  fc1.weight: model [16, 4], file [8, 4]{Environment.NewLine}" +
            $"  fc1.bias: model [16], file [8]{Environment.NewLine}" +
            "  fc2.weight: model [2, 16], file [2, 8]",
            report.ToString());
    }

    /// <summary>A file like <see cref="SaveTwoLayers"/>'s whose <c>fc1.weight</c> is stored as int32 (values 0 .. 31).</summary>
    private string SaveWithInt32Weight(string fileName)
    {
        torch.manual_seed(31);
        using var model = new TwoLayers("fc1", "fc2");
        using var ints = torch.arange(32, dtype: ScalarType.Int32).reshape(8, 4);
        var tensors = model.state_dict().Select(kv => kv.Key == "fc1.weight" ? new KeyValuePair<string, Tensor>(kv.Key, ints) : kv).ToList();
        string path = _dir.File(fileName);
        WeightFile.Write(path, tensors);
        return path;
    }

    [Theory]
    [InlineData("ints.safetensors")]
    [InlineData("ints.dat")]
    public void Strict_loading_refuses_an_int32_tensor_for_a_float32_parameter_and_changes_nothing(string fileName)
    {
        string path = SaveWithInt32Weight(fileName);
        using var model = new TwoLayers("fc1", "fc2");
        var before = Snapshot(model);

        var error = Assert.Throws<WeightLoadException>(() => model.LoadWeights(path, strict: true));

        AssertSameState(before, model);
        Assert.Contains("fc1.weight: model float32, file int32", error.Message, StringComparison.Ordinal);
        Assert.Equal(new DTypeMismatch("fc1.weight", "fc1.weight", ScalarType.Float32, ScalarType.Int32), Assert.Single(error.Report.DTypeMismatches));
    }

    [Fact]
    public void Non_strict_loading_converts_a_dtype_mismatch_and_reports_it()
    {
        string path = SaveWithInt32Weight("ints.safetensors");
        using var model = new TwoLayers("fc1", "fc2");

        var report = model.LoadWeights(path);

        Assert.Equal(4, report.Loaded.Count);
        Assert.False(report.IsExactMatch);
        Assert.Equal("fc1.weight: model float32, file int32", Assert.Single(report.DTypeMismatches).ToString());
        Assert.Equal(
            $"Loaded 4 of 4 model tensors from '{path}': 0 missing, 0 unexpected, 0 shape mismatches, 1 dtype mismatches.{Environment.NewLine}" +
            $"Dtype mismatches (a non-strict load converts them to the model's dtype):{Environment.NewLine}" +
            "  fc1.weight: model float32, file int32",
            report.ToString());
        var weight = model.state_dict()["fc1.weight"];
        Assert.Equal(ScalarType.Float32, weight.dtype);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (float)i), weight.data<float>().ToArray());
    }

    [Fact]
    public void In_order_loading_converts_a_dtype_mismatch_unless_strict()
    {
        string path = SaveWithInt32Weight("ints.dat");
        using var model = new TwoLayers("first", "second");

        var report = model.LoadWeights(path, byName: false);

        Assert.Equal("first.weight: model float32, file int32 (file name 'fc1.weight')", Assert.Single(report.DTypeMismatches).ToString());
        Assert.Throws<WeightLoadException>(() => model.LoadWeights(path, byName: false, strict: true));
    }

    [Fact]
    public void Strict_loading_throws_listing_every_problem_and_changes_nothing()
    {
        string path = SaveTwoLayers("two.safetensors", "fc1", "fc2");
        using var model = new TwoLayers("fc1", "out", hidden: 16);
        var before = Snapshot(model);

        var error = Assert.Throws<WeightLoadException>(() => model.LoadWeights(path, strict: true));

        AssertSameState(before, model);
        Assert.Contains("do not match the model exactly (strict loading); nothing was loaded.", error.Message, StringComparison.Ordinal);
        foreach (string expected in new[] { "out.weight", "out.bias", "fc2.weight", "fc2.bias", "fc1.weight: model [16, 4], file [8, 4]", "fc1.bias: model [16], file [8]" })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(new[] { "out.weight", "out.bias" }, error.Report.Missing);
        Assert.Equal(2, error.Report.Unexpected.Count);
        Assert.Equal(2, error.Report.ShapeMismatches.Count);
        Assert.Empty(error.Report.Loaded);
    }

    [Theory]
    [InlineData("teacher.")]
    [InlineData("teacher")]
    public void A_standalone_models_weights_load_into_a_submodule_with_a_prefix(string prefix)
    {
        string path = _dir.File("digits.safetensors");
        torch.manual_seed(41);
        using var standalone = new DigitClassifier();
        standalone.SaveWeights(path);

        torch.manual_seed(42);
        using var container = new TeacherStudent();
        var studentBefore = Snapshot(container).Where(kv => kv.Key.StartsWith("student.", StringComparison.Ordinal)).ToDictionary();
        var report = container.LoadWeights(path, strict: true, prefix: prefix);

        Assert.True(report.IsExactMatch);
        Assert.Equal(standalone.state_dict().Keys.Select(k => "teacher." + k), report.Loaded);
        foreach (var (name, tensor) in standalone.state_dict())
        {
            AssertSameTensor(tensor, container.state_dict()["teacher." + name], name);
        }

        foreach (var (name, (_, _, bytes)) in studentBefore)
        {
            Assert.Equal(bytes, Bytes(container.state_dict()[name]));
        }
    }

    [Fact]
    public void A_containers_submodule_loads_into_a_standalone_model_with_a_prefix()
    {
        string path = _dir.File("joint.dat");
        torch.manual_seed(43);
        using var container = new TeacherStudent();
        container.SaveWeights(path);

        using var standalone = new DigitClassifier();
        var report = standalone.LoadWeights(path, strict: true, prefix: "student.");

        Assert.Equal(standalone.state_dict().Keys, report.Loaded);
        Assert.Empty(report.Unexpected);
        foreach (var (name, tensor) in standalone.state_dict())
        {
            AssertSameTensor(container.state_dict()["student." + name], tensor, name);
        }

        // Without the prefix nothing matches: refused, saying which prefix the file's names carry.
        using var unprefixed = new DigitClassifier();
        var error = Assert.Throws<WeightLoadException>(() => unprefixed.LoadWeights(path));
        Assert.Empty(error.Report.Loaded);
        Assert.Equal(16, error.Report.Unexpected.Count);
        Assert.Contains("pass prefix: \"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_that_matches_nothing_is_an_argument_error()
    {
        string path = SaveTwoLayers("two.safetensors");
        using var model = new TwoLayers("fc1", "fc2");
        var error = Assert.Throws<ArgumentException>(() => model.LoadWeights(path, prefix: "teacher"));
        Assert.Contains("Prefix 'teacher.' matches no name in the model or in", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order.safetensors")]
    [InlineData("order.dat")]
    public void In_order_loading_ignores_names_when_shapes_match(string fileName)
    {
        // "z" before "a": sorted names would pair the layers the wrong way round, the state-dict order does not.
        string path = SaveTwoLayers(fileName, "z_first", "a_second");
        using var model = new TwoLayers("encoder", "decoder");

        var byName = Assert.Throws<WeightLoadException>(() => model.LoadWeights(path));
        Assert.Empty(byName.Report.Loaded);

        var report = model.LoadWeights(path, byName: false, strict: true);
        Assert.Equal(new[] { "encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias" }, report.Loaded);
        using var file = WeightFile.Read(path);
        AssertSameTensor(file["z_first.weight"], model.state_dict()["encoder.weight"], "encoder.weight");
        AssertSameTensor(file["a_second.bias"], model.state_dict()["decoder.bias"], "decoder.bias");
    }

    [Fact]
    public void In_order_loading_refuses_different_counts_or_shapes()
    {
        string path = SaveTwoLayers("two.safetensors");
        using var resized = new TwoLayers("x", "y", hidden: 16);
        var before = Snapshot(resized);
        var shapes = Assert.Throws<WeightLoadException>(() => resized.LoadWeights(path, byName: false));
        Assert.Contains("In-order loading needs the same number of tensors with the same shapes", shapes.Message, StringComparison.Ordinal);
        Assert.Contains("x.weight: model [16, 4], file [8, 4] (file name 'fc1.weight')", shapes.Message, StringComparison.Ordinal);
        AssertSameState(before, resized);

        using var digits = new DigitClassifier();
        var counts = Assert.Throws<WeightLoadException>(() => digits.LoadWeights(path, byName: false));
        Assert.Equal(new[] { "layer3.weight", "layer3.bias", "layer4.weight", "layer4.bias" }, counts.Report.Missing);
    }
}
