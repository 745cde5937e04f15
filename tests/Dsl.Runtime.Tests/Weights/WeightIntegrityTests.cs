using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using static Dsl.Runtime.Tests.Weights.WeightTestSupport;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>
/// Weights that would silently spoil a model are reported: a flipped bit in a TorchSharp-format file (its checksum
/// trailer), NaN or infinity in a loaded file (refused by a strict load, reported by a non-strict one) or in a model
/// about to be exported, and a non-strict load that matches nothing.
/// </summary>
public sealed class WeightIntegrityTests
{
    [Fact]
    public void A_flipped_bit_in_the_data_of_a_torchsharp_file_is_detected_by_its_checksum()
    {
        using var dir = new TempDir();
        string path = dir.File("digits.dat");
        torch.manual_seed(5);
        using var source = new DigitClassifier();
        source.SaveWeights(path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x04; // inside the large layer's floats: still a well-formed file
        File.WriteAllBytes(path, bytes);
        using var target = new DigitClassifier();
        var before = Snapshot(target);

        var error = Assert.Throws<WeightFileException>(() => target.LoadWeights(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the SHA-256 recorded at its end when it was written", error.Message, StringComparison.Ordinal);
        AssertSameState(before, target);
    }

    [Fact]
    public void A_torchsharp_file_without_the_trailer_still_loads_and_one_with_a_cut_trailer_is_refused()
    {
        using var dir = new TempDir();
        torch.manual_seed(5);
        using var source = new DigitClassifier();
        source.save(dir.File("plain.dat"));
        source.SaveWeights(dir.File("ours.dat"));
        byte[] ours = File.ReadAllBytes(dir.File("ours.dat"));
        File.WriteAllBytes(dir.File("cut.dat"), ours[..^1]);

        using var fromPlain = new DigitClassifier();
        Assert.True(fromPlain.LoadWeights(dir.File("plain.dat"), strict: true).IsExactMatch);
        AssertSameState(Snapshot(source), fromPlain);

        using var fromCut = new DigitClassifier();
        var error = Assert.Throws<WeightFileException>(() => fromCut.LoadWeights(dir.File("cut.dat")));
        Assert.Contains("40 bytes follow the last of the 8 tensors", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nan.safetensors")]
    [InlineData("nan.dat")]
    public void NaN_and_infinite_weights_are_refused_by_a_strict_load_and_reported_by_a_non_strict_one(string name)
    {
        using var dir = new TempDir();
        string path = dir.File(name);
        torch.manual_seed(5);
        using (var source = new DigitClassifier())
        {
            using (no_grad())
            {
                source.state_dict()["layer4.bias"][3] = tensor(float.NaN);
                source.state_dict()["layer4.bias"][4] = tensor(float.PositiveInfinity);
            }

            source.SaveWeights(path);
        }

        using var target = new DigitClassifier();
        var before = Snapshot(target);
        var error = Assert.Throws<WeightLoadException>(() => target.LoadWeights(path, strict: true));
        Assert.Contains("hold NaN or infinity (strict loading refuses them); nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("layer4.bias: 1 NaN and 1 infinite of 10 values", error.Message, StringComparison.Ordinal);
        AssertSameState(before, target);

        var report = target.LoadWeights(path);
        var found = Assert.Single(report.NonFinite);
        Assert.Equal(new NonFiniteTensor("layer4.bias", 1, 1, 10), found);
        Assert.Contains("Non-finite values (NaN or infinity; a strict load refuses them):", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(8, report.Loaded.Count);
    }

    [Fact]
    public void An_export_check_names_every_non_finite_weight_and_passes_finite_ones()
    {
        torch.manual_seed(5);
        using var model = new DigitClassifier();
        NonFiniteWeights.ThrowIfAny(model, "ONNX export of DigitClassifier");
        Assert.Empty(NonFiniteWeights.Find(model));

        using (no_grad())
        {
            model.state_dict()["layer1.weight"][0, 0, 0, 0] = tensor(float.NegativeInfinity);
        }

        var error = Assert.Throws<NonFiniteWeightsException>(() => NonFiniteWeights.ThrowIfAny(model, "ONNX export of DigitClassifier"));
        Assert.StartsWith("ONNX export of DigitClassifier: the model's weights hold NaN or infinity", error.Message, StringComparison.Ordinal);
        Assert.Contains("layer1.weight: 0 NaN and 1 infinite of 288 values", error.Message, StringComparison.Ordinal);
        Assert.Equal("layer1.weight", Assert.Single(error.Tensors).Name);
    }

    [Fact]
    public void A_non_strict_load_that_matches_nothing_is_refused_saying_what_the_file_and_the_model_hold()
    {
        using var dir = new TempDir();
        string path = dir.File("other.safetensors");
        WeightFile.Write(path, new Dictionary<string, Tensor> { ["encoder.weight"] = zeros(3, 3), ["encoder.bias"] = zeros(3) });
        using var model = new DigitClassifier();
        var before = Snapshot(model);

        var error = Assert.Throws<WeightLoadException>(() => model.LoadWeights(path));

        Assert.StartsWith($"No tensor of '{path}' (2 tensors) matches the model's 8 entries by name and shape, so loading would change nothing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unexpected (in the file, not in the model):", error.Message, StringComparison.Ordinal);
        Assert.Contains("encoder.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("layer1.weight", error.Message, StringComparison.Ordinal);
        Assert.Empty(error.Report.Loaded);
        AssertSameState(before, model);
    }

    [Fact]
    public void A_load_that_matches_nothing_because_of_a_submodule_prefix_says_which_prefix_to_pass()
    {
        using var dir = new TempDir();
        string path = dir.File("teacher.safetensors");
        torch.manual_seed(5);
        using (var source = new DigitClassifier())
        using (var scope = NewDisposeScope())
        {
            WeightFile.Write(path, source.state_dict().Select(e => new KeyValuePair<string, Tensor>("teacher." + e.Key, e.Value)));
        }

        using var model = new DigitClassifier();
        var error = Assert.Throws<WeightLoadException>(() => model.LoadWeights(path));

        Assert.Contains("The file's names carry a prefix the model's lack ('teacher.layer1.weight' for 'layer1.weight'): pass prefix: \"teacher\"", error.Message, StringComparison.Ordinal);
        Assert.True(model.LoadWeights(path, prefix: "teacher").IsExactMatch);
    }
}
