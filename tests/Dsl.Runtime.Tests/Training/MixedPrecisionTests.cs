using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Dsl.Export;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Runtime.Tests.Export;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// <see cref="Precision.Bf16Mixed"/>: the generated mixed forward agrees with float32 within bfloat16's precision, and
/// with PyTorch's <c>torch.autocast</c> on the exported module; weights, gradients and checkpoints stay float32; a
/// seed model trains. bfloat16 keeps 8 significant bits (a relative rounding of 2^-9, 0.2 %, per cast), and a net
/// rounds at every layer it computes in bfloat16, so its outputs differ from float32 by about a percent of their size:
/// the tolerance is 3 % of the largest output (measured: at most 0.92 %, MultitaskNet), and the difference must be above 1e-5 (else bfloat16 did not run).
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class MixedPrecisionTests
{
    /// <summary>Mixed vs float32 (and vs PyTorch's autocast): max |a - b| / max |b|.</summary>
    private const double Bf16Tolerance = 0.03;

    /// <summary>Our mixed forward vs PyTorch's autocast on the export: the same casts, other kernels (measured: 0 for the seed nets, 1.1e-3 for ResNet).</summary>
    private const double AutocastTolerance = 0.01;

    private readonly ITestOutputHelper output;

    public MixedPrecisionTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<Type> Models() => new() { typeof(DigitClassifier), typeof(MultitaskNet), typeof(ResNet), typeof(Models.EncoderBlock) };

    private static IDisposable Mixed() => MixedPrecision.Enter(Precision.Bf16Mixed, force: true);

    private static Dictionary<string, Tensor> Outputs(ITrainableModel model, Dictionary<string, Tensor> batch)
    {
        using var _ = no_grad();
        return model.Infer(batch).ToDictionary(o => o.Key, o => o.Value);
    }

    private static double RelativeError(Tensor ours, Tensor reference) =>
        (ours.to_type(ScalarType.Float64) - reference.to_type(ScalarType.Float64)).abs().max().item<double>() /
        Math.Max(reference.abs().max().to_type(ScalarType.Float64).item<double>(), 1e-12);

    [Theory]
    [MemberData(nameof(Models))]
    public void The_mixed_forward_agrees_with_float32_within_bfloat16_precision_and_returns_float32(Type type)
    {
        var info = (ModelInfo)type.GetProperty("Info")!.GetValue(null)!;
        torch.manual_seed(3);
        using var module = (nn.Module)Activator.CreateInstance(type, type.Name)!;
        module.eval();
        var model = (ITrainableModel)module;
        var batch = PyTorchParityTests.Batch(info, size: 4);
        var reference = Outputs(model, batch);
        Dictionary<string, Tensor> mixed;
        using (Mixed())
        {
            mixed = Outputs(model, batch);
        }

        foreach (var (name, value) in reference)
        {
            Assert.Equal(ScalarType.Float32, mixed[name].dtype);
            double error = RelativeError(mixed[name], value);
            output.WriteLine(FormattableString.Invariant($"{type.Name}.{name}: bf16-mixed vs float32 max relative difference {error:E2}"));
            Assert.True(error <= Bf16Tolerance, $"{type.Name}.{name}: bf16-mixed differs from float32 by {error:E2} of its size (tolerance {Bf16Tolerance})");
            Assert.True(error > 1e-5, $"{type.Name}.{name}: bf16-mixed equals float32 ({error:E2}): the mixed forward did not run in bfloat16");
        }
    }

    [Fact]
    public void Gradients_reach_the_float32_master_weights_in_float32()
    {
        torch.manual_seed(4);
        using var model = new MultitaskNet();
        model.train();
        var batch = PyTorchParityTests.Batch(MultitaskNet.Info, size: 4);
        using (Mixed())
        {
            using var step = ((ITrainableModel)model).Step(batch);
            Assert.Equal(ScalarType.Float32, step.Losses.Total.dtype);
            step.Losses.Total.backward();
        }

        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.Equal(ScalarType.Float32, parameter.dtype);
            Assert.NotNull(parameter.grad);
            Assert.True(parameter.grad!.dtype == ScalarType.Float32, $"{name}'s gradient is {parameter.grad.dtype}");
        }
    }

    [Fact]
    public void The_switch_is_scoped_and_float32_needs_no_switch()
    {
        Assert.False(MixedPrecision.IsActive);
        using (MixedPrecision.Enter(Precision.Float32))
        {
            Assert.False(MixedPrecision.IsActive);
        }

        using (Mixed())
        {
            Assert.True(MixedPrecision.IsActive);
            using (Mixed())
            {
                Assert.True(MixedPrecision.IsActive);
            }

            Assert.True(MixedPrecision.IsActive);
        }

        Assert.False(MixedPrecision.IsActive);
    }

    [Fact]
    public void Without_native_bfloat16_it_says_so_once_and_stays_float32_unless_forced()
    {
        var log = new StringWriter();
        var warned = new System.Runtime.CompilerServices.StrongBox<bool>();
        using (MixedPrecision.EnterWith(Precision.Bf16Mixed, cpuSupportsBf16: false, force: false, log: log, warnedOnce: warned))
        {
            Assert.False(MixedPrecision.IsActive);
        }

        using (MixedPrecision.EnterWith(Precision.Bf16Mixed, cpuSupportsBf16: false, force: false, log: log, warnedOnce: warned))
        {
            Assert.False(MixedPrecision.IsActive);
        }

        using (MixedPrecision.EnterWith(Precision.Bf16Mixed, cpuSupportsBf16: false, force: true, log: log, warnedOnce: warned))
        {
            Assert.True(MixedPrecision.IsActive);
        }

        string[] lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("training in float32", lines[0], StringComparison.Ordinal);
        Assert.Contains("ForcePrecision", lines[0], StringComparison.Ordinal);
    }

    /// <summary>
    /// Seed 000's classifier trains on 640 real digits in bf16-mixed as in float32 (same seed): the loss falls, the
    /// validation accuracy is within 5 points of float32's (measured and printed), and the checkpoint is float32.
    /// </summary>
    [Fact]
    public void Seed_000_trains_in_bf16_mixed_with_float32_weights_and_checkpoints()
    {
        using var digits = MnistData.Load();
        using var split = digits.Split();
        using var train = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = split.Train.Images[..640].alias(), ["label"] = split.Train.Labels[..640].alias() });
        using var validation = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = split.Test.Images[..256].alias(), ["label"] = split.Test.Labels[..256].alias() });
        using var folder = new TempDirectory();
        var options = new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = 1, Optimizer = OptimizerSpec.Adam(lr: 1e-3) };

        var accuracy = new Dictionary<Precision, double>();
        foreach (var precision in new[] { Precision.Float32, Precision.Bf16Mixed })
        {
            random.manual_seed(1);
            using var model = new DigitClassifier();
            var observer = new Observer();
            string checkpoints = Path.Combine(folder.Path, precision.ToString());
            var history = Trainer.Fit(model, train, validation, options with { Precision = precision, ForcePrecision = true, CheckpointDirectory = checkpoints }, observer);

            double first = observer.Batches.Take(3).Average(b => b.Total), last = observer.Batches.TakeLast(3).Average(b => b.Total);
            accuracy[precision] = history.Epochs[^1].Validation!.Accuracy["label"];
            output.WriteLine(FormattableString.Invariant($"{precision}: loss {first:F3} (first 3 batches) -> {last:F3} (last 3), validation accuracy {accuracy[precision]:P2}"));
            Assert.True(last < 0.6 * first, $"{precision}: the loss did not fall ({first:F3} -> {last:F3})");
            Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
            Assert.False(MixedPrecision.IsActive); // Fit's scope ended with it

            // The checkpoint's weights load into a fresh float32 model and equal the trained (master) weights; the weight file is F32.
            string checkpoint = Directory.GetFiles(checkpoints, "model.bin", SearchOption.AllDirectories).Single();
            using var reloaded = new DigitClassifier();
            reloaded.load(checkpoint);
            foreach (var ((name, trained), (_, loaded)) in model.named_parameters().Zip(reloaded.named_parameters()))
            {
                Assert.Equal(ScalarType.Float32, loaded.dtype);
                Assert.True(trained.allclose(loaded, rtol: 0, atol: 0), $"{name} differs between the model and its checkpoint");
            }

            model.SaveWeights(Path.Combine(folder.Path, precision + ".safetensors"));
            string header = SafetensorsHeader(Path.Combine(folder.Path, precision + ".safetensors"));
            Assert.Contains("\"F32\"", header, StringComparison.Ordinal);
            Assert.DoesNotContain("BF16", header, StringComparison.Ordinal);
        }

        Assert.True(accuracy[Precision.Bf16Mixed] >= accuracy[Precision.Float32] - 0.05, $"bf16-mixed reached {accuracy[Precision.Bf16Mixed]:P2}, float32 {accuracy[Precision.Float32]:P2}");
    }

    private static string SafetensorsHeader(string file)
    {
        using var stream = File.OpenRead(file);
        var length = new byte[8];
        stream.ReadExactly(length);
        var header = new byte[BitConverter.ToInt64(length)];
        stream.ReadExactly(header);
        return Encoding.UTF8.GetString(header);
    }

    /// <summary>Runs the exported module in eval mode on the batch, under <c>torch.autocast("cpu", torch.bfloat16)</c> when asked.</summary>
    private const string AutocastScript = PyTorchParityTests.Prelude + """
net.eval()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=sys.argv[2] == "bf16-mixed"):
    outputs = net(*[batch[name] for name in net.input_names])
m.save_safetensors({name: value.float() for name, value in outputs.items()}, os.path.join(folder, "pytorch.safetensors"))
""";

    /// <summary>
    /// The PyTorch export in both precisions: float32 within 1e-5 (as PyTorchParityTests), bf16-mixed (our casts against
    /// PyTorch 1.13's autocast, the same ops in bfloat16 with other kernels) within <see cref="AutocastTolerance"/>.
    /// </summary>
    [Theory]
    [InlineData(typeof(DigitClassifier), "fp32")]
    [InlineData(typeof(DigitClassifier), "bf16-mixed")]
    [InlineData(typeof(MultitaskNet), "bf16-mixed")]
    [InlineData(typeof(ResNet), "bf16-mixed")]
    public void The_pytorch_export_agrees_in_both_precisions(Type type, string precision)
    {
        using var folder = new WeightTestSupport.TempDir();
        var info = (ModelInfo)type.GetProperty("Info")!.GetValue(null)!;
        File.WriteAllText(folder.File("model.py"), (string)type.GetField("PyTorchSource")!.GetValue(null)!);
        torch.manual_seed(5);
        using var module = (nn.Module)Activator.CreateInstance(type, type.Name)!;
        module.eval();
        var batch = PyTorchParityTests.Batch(info, size: 3);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        module.SaveWeights(folder.File("weights.safetensors"));
        Dictionary<string, Tensor> ours;
        using (precision == "bf16-mixed" ? Mixed() : MixedPrecision.Enter(Precision.Float32))
        {
            ours = Outputs((ITrainableModel)module, batch);
        }

        PythonTorch.Run(AutocastScript, folder.Path, precision);
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double tolerance = precision == "bf16-mixed" ? AutocastTolerance : 1e-5;
        foreach (var (name, value) in ours)
        {
            double error = RelativeError(value, theirs[name]);
            output.WriteLine(FormattableString.Invariant($"{type.Name}.{name} ({precision}): TorchSharp vs PyTorch max relative difference {error:E2}"));
            Assert.True(error <= tolerance, $"{type.Name}.{name} ({precision}): TorchSharp and PyTorch differ by {error:E2} (tolerance {tolerance})");
        }
    }

    /// <summary>The exported project's script trains seed 000 with <c>--precision bf16-mixed</c> (autocast) and writes float32 weights.</summary>
    [Fact]
    public void The_exported_training_script_trains_in_bf16_mixed_and_writes_float32_weights()
    {
        using var digits = MnistData.Load();
        using var train = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = digits.Images[..512].alias(), ["label"] = digits.Labels[..512].alias() });
        using var folder = new WeightTestSupport.TempDir();
        torch.manual_seed(6);
        using var model = new DigitClassifier();
        var project = PyTorchProject.Write(model, folder.Path, train);
        string[] command = project.TorchrunCommand.Split(' ');
        var arguments = command.Skip(1).Select(a => a.StartsWith("--nproc", StringComparison.Ordinal) ? "--nproc_per_node=1" : a)
            .Concat(new[] { "--epochs", "2", "--batch-size", "64", "--precision", "bf16-mixed" }).ToArray();
        string printed = PythonTorch.RunModule(folder.Path, "torch.distributed.run", arguments);
        output.WriteLine(printed);
        var losses = Regex.Matches(printed, @"epoch \d/2: loss ([\d.]+)").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, losses.Length);
        Assert.True(losses[1] < losses[0], $"the loss should fall: {string.Join(", ", losses)}");
        string header = SafetensorsHeader(Path.Combine(folder.Path, "weights.safetensors"));
        Assert.DoesNotContain("BF16", header, StringComparison.Ordinal);
        Assert.True(PyTorchProject.LoadTrainedWeights(model, folder.Path).IsExactMatch);
    }
}
