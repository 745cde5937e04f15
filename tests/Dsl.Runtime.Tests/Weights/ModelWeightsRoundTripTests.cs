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
/// Generated models saved in either format and loaded into a fresh instance have bit-identical state (BatchNorm
/// running statistics included) and give identical outputs; the TorchSharp format is TorchSharp's own.
/// </summary>
public class ModelWeightsRoundTripTests
{
    [Theory]
    [InlineData("digits.safetensors")]
    [InlineData("digits.dat")]
    public void DigitClassifier_round_trips_bit_for_bit_with_identical_outputs(string fileName)
    {
        using var dir = new TempDir();
        string path = dir.File(fileName);
        torch.manual_seed(11);
        using var source = new DigitClassifier();
        source.SaveWeights(path);

        torch.manual_seed(12);
        using var loaded = new DigitClassifier();
        Assert.NotEqual(Bytes(source.state_dict()["layer1.weight"]), Bytes(loaded.state_dict()["layer1.weight"]));
        var report = loaded.LoadWeights(path, strict: true);

        Assert.True(report.IsExactMatch);
        Assert.Equal(source.state_dict().Keys, report.Loaded);
        AssertSameState(Snapshot(source), loaded);

        source.eval();
        loaded.eval();
        using var image = torch.rand(3, 1, 28, 28);
        using var expected = source.Forward(image);
        using var actual = loaded.Forward(image);
        AssertSameTensor(expected.Logits, actual.Logits, "logits");
    }

    [Theory]
    [InlineData("resnet.safetensors")]
    [InlineData("resnet.dat")]
    public void ResNet_round_trips_batchnorm_buffers_with_identical_eval_outputs(string fileName)
    {
        using var dir = new TempDir();
        string path = dir.File(fileName);
        torch.manual_seed(21);
        using var source = new ResNet();
        using (var warmup = torch.rand(2, 3, 128, 128))
        {
            source.train();
            using var _ = source.Forward(warmup); // Moves the running statistics and num_batches_tracked off their initial values.
        }

        var buffers = source.named_buffers().Select(b => b.name).ToList();
        Assert.Contains(buffers, b => b.EndsWith("running_mean", StringComparison.Ordinal));
        Assert.Contains(buffers, b => b.EndsWith("num_batches_tracked", StringComparison.Ordinal));
        source.SaveWeights(path);

        torch.manual_seed(22);
        using var loaded = new ResNet();
        var report = loaded.LoadWeights(path, strict: true);
        Assert.Equal(source.state_dict().Count, report.Loaded.Count);
        AssertSameState(Snapshot(source), loaded);

        source.eval();
        loaded.eval();
        using var image = torch.rand(1, 3, 128, 128);
        using var expected = source.Forward(image);
        using var actual = loaded.Forward(image);
        AssertSameTensor(expected.Logits, actual.Logits, "logits");
    }

    [Fact]
    public void Loading_keeps_the_parameter_objects_an_optimizer_holds()
    {
        using var dir = new TempDir();
        string path = dir.File("digits.safetensors");
        using var source = new DigitClassifier();
        source.SaveWeights(path);

        using var target = new DigitClassifier();
        var before = target.parameters().ToList();
        var handles = before.Select(p => p.Handle).ToList();
        using var optimizer = torch.optim.SGD(before, 0.1);
        target.LoadWeights(path);

        var after = target.parameters().ToList();
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Same(before[i], after[i]);
            Assert.Equal(handles[i], after[i].Handle);
            Assert.True(after[i].requires_grad);
        }

        AssertSameState(Snapshot(source), target);
    }

    [Fact]
    public void The_torchsharp_format_is_byte_identical_to_module_save_up_to_the_checksum_trailer_and_loads_either_way()
    {
        using var dir = new TempDir();
        torch.manual_seed(5);
        using var source = new DigitClassifier();
        source.SaveWeights(dir.File("ours.dat"));
        source.save(dir.File("theirs.dat"));
        byte[] theirs = File.ReadAllBytes(dir.File("theirs.dat"));
        byte[] ours = File.ReadAllBytes(dir.File("ours.dat"));
        Assert.Equal(theirs, ours[..theirs.Length]);
        Assert.Equal("DSLSHA256", System.Text.Encoding.ASCII.GetString(ours, theirs.Length, 9));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(theirs), ours[(theirs.Length + 9)..]);

        using var viaTorchSharp = new DigitClassifier();
        viaTorchSharp.load(dir.File("ours.dat"));
        AssertSameState(Snapshot(source), viaTorchSharp);

        using var viaUs = new DigitClassifier();
        Assert.True(viaUs.LoadWeights(dir.File("theirs.dat")).IsExactMatch);
        AssertSameState(Snapshot(source), viaUs);
    }

    [Fact]
    public void Tensors_of_another_dtype_are_converted_by_a_non_strict_load_and_refused_by_a_strict_one()
    {
        using var dir = new TempDir();
        string path = dir.File("f64.safetensors");
        using var source = new DigitClassifier();
        using (var scope = torch.NewDisposeScope())
        {
            WeightFile.Write(path, source.state_dict().Select(kv => new KeyValuePair<string, Tensor>(kv.Key, kv.Value.to(ScalarType.Float64))));
        }

        using (var file = WeightFile.Read(path))
        {
            Assert.All(file.Tensors, t => Assert.Equal(ScalarType.Float64, t.Value.dtype));
        }

        using var target = new DigitClassifier();
        var error = Assert.Throws<WeightLoadException>(() => target.LoadWeights(path, strict: true));
        Assert.Equal(8, error.Report.DTypeMismatches.Count);

        var report = target.LoadWeights(path);
        Assert.Equal(8, report.Loaded.Count);
        Assert.All(report.DTypeMismatches, m => Assert.Equal((ScalarType.Float32, ScalarType.Float64), (m.ModelDType, m.FileDType)));
        Assert.All(target.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        AssertSameState(Snapshot(source), target);
    }

    [Fact]
    public void Safetensors_metadata_is_saved_with_the_model()
    {
        using var dir = new TempDir();
        string path = dir.File("digits.safetensors");
        using var model = new DigitClassifier();
        ModelWeights.Save(model, path, new Dictionary<string, string> { ["model"] = nameof(DigitClassifier) });

        using var file = WeightFile.Read(path);
        Assert.Equal(nameof(DigitClassifier), file.Metadata["model"]);
        Assert.Equal(model.state_dict().Keys, file.Tensors.Select(t => t.Key));
    }
}
