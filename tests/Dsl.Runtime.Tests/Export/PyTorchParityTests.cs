using System;
using System.Reflection;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Metadata;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;
using TestModels = Dsl.Runtime.Tests.Models;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// Every model of <see cref="PyTorchParityModels"/> (the seeds, and the models of these tests marked
/// <c>[PyTorchParity]</c>: <see cref="ExportCoverageNet"/> with the ops the seeds leave out, the convolution family, the
/// recurrent, attention and tensor ops, the classic architectures) against the PyTorch module the generator emits (<c>PyTorchSource</c>), run by Debian's python3-torch: the TorchSharp weights go to
/// PyTorch as safetensors and load there strictly by name, both compute the same outputs and loss terms; then
/// PyTorch changes every weight and buffer, writes them back, and the C# module loads them strictly by name and again
/// computes what PyTorch computed. The error of a tensor is max |a - b| / max |b| (relative to its magnitude; for a
/// loss term, to the larger of its own and the outputs' magnitude); the test prints the largest per model and direction.
/// </summary>
public sealed class PyTorchParityTests
{
    private const double Tolerance = 1e-5;

    /// <summary>Imports folder/model.py and builds its MODEL with the C# weights (weights.safetensors), strictly by name.</summary>
    internal const string Prelude = """
import importlib.util, os, sys, torch
folder = sys.argv[1]
spec = importlib.util.spec_from_file_location("model", os.path.join(folder, "model.py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
net = m.MODEL()
net.load_state_dict(m.load_safetensors(os.path.join(folder, "weights.safetensors")), strict=True)

""";

    /// <summary>Runs the batch (eval mode) with the C# weights, perturbs every weight, saves them and runs again.</summary>
    private const string Script = Prelude + """
net.eval()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
def evaluate():
    with torch.no_grad():
        outputs = net(*[batch[name] for name in net.input_names])
        result = {"output." + name: value for name, value in outputs.items()}
        if hasattr(net, "compute_loss"):
            total, terms = net.compute_loss(outputs, {name: batch[name] for name in net.target_names})
            result["loss.total"] = total
            result.update({"loss." + name: value for name, value in terms.items()})
    return result
m.save_safetensors(evaluate(), os.path.join(folder, "pytorch.safetensors"))
torch.manual_seed(5)
with torch.no_grad():
    for name, tensor in net.state_dict().items():
        if tensor.is_floating_point():
            tensor.mul_(1 + 0.05 * torch.randn_like(tensor)).add_(0.001 * torch.randn_like(tensor))
m.save_safetensors(net.state_dict(), os.path.join(folder, "back.safetensors"))
m.save_safetensors(evaluate(), os.path.join(folder, "pytorch_back.safetensors"))
print(len(net.state_dict()))
""";

    private readonly ITestOutputHelper output;

    public PyTorchParityTests(ITestOutputHelper output) => this.output = output;

    /// <summary>
    /// The models compared (<see cref="PyTorchParityModels"/>): the seeds (less a part without a loss of its own that
    /// trains only inside another seed), and every model of these tests marked <c>[PyTorchParity]</c>.
    /// </summary>
    public static TheoryData<Type> Models()
    {
        var data = new TheoryData<Type>();
        foreach (var type in PyTorchParityModels.All)
        {
            data.Add(type);
        }

        return data;
    }

    /// <summary>A class marked [PyTorchParity] that is no generated model would be silently skipped: it fails here instead.</summary>
    [Fact]
    public void Every_model_marked_for_pytorch_parity_is_a_generated_model()
    {
        var notModels = PyTorchParityModels.NotModels().ToList();
        Assert.True(notModels.Count == 0, string.Join("\n", notModels));
        Assert.True(PyTorchParityModels.Seeds.Count >= 8, "too few seeds found in Examples.Models: " + string.Join(", ", PyTorchParityModels.Seeds.Select(t => t.Name)));
        Assert.DoesNotContain(typeof(SiameseTower), PyTorchParityModels.Seeds);
        output.WriteLine(FormattableString.Invariant($"{PyTorchParityModels.All.Count} models: {PyTorchParityModels.Seeds.Count} seeds, {PyTorchParityModels.Marked.Count} marked"));
    }

    /// <summary>Trains through a frozen critic in both: the generator's gradients agree, the critic gets none.</summary>
    private const string GradientScript = Prelude + """
net.train()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
outputs = net(*[batch[name] for name in net.input_names])
total, _ = net.compute_loss(outputs, {name: batch[name] for name in net.target_names})
total.backward()
m.save_safetensors({name: p.grad for name, p in net.named_parameters() if p.grad is not None}, os.path.join(folder, "gradients.safetensors"))
""";

    [Fact]
    public void Gradients_through_a_frozen_critic_agree_with_pytorch()
    {
        using var folder = new WeightTestSupport.TempDir();
        var (ours, theirs) = TrainingGradients(typeof(Composition.GeneratorStep), seed: 13, batchSize: 5, folder);
        using var _ = theirs;
        Assert.All(ours.Keys, k => Assert.StartsWith("generator.", k, StringComparison.Ordinal));
        var (error, name) = MaxRelativeError(ours, theirs);
        output.WriteLine(FormattableString.Invariant($"GeneratorStep gradients: max relative error {error:E2} ({name}), {ours.Count} tensors"));
        Assert.True(error <= Tolerance, $"gradients differ by {error:E2} in {name}");
    }

    /// <summary>
    /// Models whose generated forward overwrites layer outputs in place (<c>relu_</c> after convolutions, dense layers,
    /// BatchNorm and residual sums) and draws no randomness in train mode: their training gradients must equal PyTorch's,
    /// whose module applies every ReLU out of place.
    /// </summary>
    public static TheoryData<Type> InPlaceModels() => new()
    {
        typeof(DigitResNet), typeof(DenoisingAutoencoder), typeof(OddOnlyMlp), typeof(TestModels.TinyUNet), typeof(Architectures.InceptionBlock),
    };

    [Theory]
    [MemberData(nameof(InPlaceModels))]
    public void Training_gradients_with_in_place_activations_agree_with_pytorch(Type type)
    {
        using var folder = new WeightTestSupport.TempDir();
        var (ours, theirs) = TrainingGradients(type, seed: 17, batchSize: 4, folder);
        using var _ = theirs;
        // Relative to the model's largest gradient: a convolution's bias before a BatchNorm has a gradient of exactly
        // zero in theory, so both sides hold rounding noise there, relative to the gradients flowing past it.
        double scale = theirs.Tensors.Max(t => t.Value.abs().max().item<float>());
        var (error, name) = ours
            .Select(e => ((e.Value.to_type(ScalarType.Float64) - theirs[e.Key].to_type(ScalarType.Float64)).abs().max().item<double>() / scale, e.Key))
            .Max();
        output.WriteLine(FormattableString.Invariant($"{type.Name} gradients: max error {error:E2} of the largest gradient ({name}), {ours.Count} tensors"));
        Assert.True(error <= Tolerance, $"{type.Name}: gradients differ by {error:E2} in {name}");
    }

    /// <summary>
    /// One training step's gradients of <paramref name="type"/> (train mode, a random batch) in TorchSharp and, with the
    /// same weights and batch, in its generated PyTorch module; both name the same parameters.
    /// </summary>
    private static (Dictionary<string, Tensor> Ours, WeightFile Theirs) TrainingGradients(Type type, int seed, int batchSize, WeightTestSupport.TempDir folder)
    {
        var info = (ModelInfo)type.GetProperty("Info")!.GetValue(null)!;
        File.WriteAllText(folder.File("model.py"), (string)type.GetField("PyTorchSource")!.GetValue(null)!);
        torch.manual_seed(seed);
        using var model = (nn.Module)Activator.CreateInstance(type, type.Name)!;
        var batch = Batch(info, size: batchSize);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        model.SaveWeights(folder.File("weights.safetensors"));
        model.train();
        using (var step = ((ITrainableModel)model).Step(batch))
        {
            step.Losses.Total.backward();
        }

        PythonTorch.Run(GradientScript, folder.Path);
        var theirs = WeightFile.Read(folder.File("gradients.safetensors"));
        var ours = model.named_parameters().Where(p => p.parameter.grad is not null).ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        Assert.Equal(ours.Keys.Order(StringComparer.Ordinal), theirs.Tensors.Select(t => t.Key).Order(StringComparer.Ordinal));
        return (ours, theirs);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_generated_pytorch_module_computes_what_the_torchsharp_module_computes_with_weights_moved_both_ways(Type type)
    {
        using var folder = new WeightTestSupport.TempDir();
        var info = (ModelInfo)type.GetProperty("Info")!.GetValue(null)!;
        File.WriteAllText(folder.File("model.py"), (string)type.GetField("PyTorchSource")!.GetValue(null)!);

        torch.manual_seed(11);
        using var model = (nn.Module)Activator.CreateInstance(type, type.Name)!;
        RandomizeRunningStatistics(model);
        model.eval();
        var batch = BatchFor(type, info, size: 3);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        model.SaveWeights(folder.File("weights.safetensors"));
        var ours = Evaluate(model, info, batch);
        KeepCase(type.Name, folder, ours);

        string printed = PythonTorch.Run(Script, folder.Path);
        Assert.Equal(model.state_dict().Count.ToString(CultureInfo.InvariantCulture), printed.Trim());
        (double Error, string Name) toPyTorch;
        using (var theirs = WeightFile.Read(folder.File("pytorch.safetensors")))
        {
            toPyTorch = MaxRelativeError(ours, theirs);
        }

        using var back = (nn.Module)Activator.CreateInstance(type, type.Name)!;
        var report = back.LoadWeights(folder.File("back.safetensors"), strict: true);
        Assert.True(report.IsExactMatch, report.ToString());
        back.eval();
        Assert.True(model.state_dict().Count == 0 || !Same(model, back), "PyTorch's changed weights did not change the module");
        var oursBack = Evaluate(back, info, batch);
        (double Error, string Name) fromPyTorch;
        using (var theirsBack = WeightFile.Read(folder.File("pytorch_back.safetensors")))
        {
            fromPyTorch = MaxRelativeError(oursBack, theirsBack);
        }

        output.WriteLine(FormattableString.Invariant(
            $"{type.Name}: max relative error C# weights -> PyTorch {toPyTorch.Error:E2} ({toPyTorch.Name}), PyTorch weights -> C# {fromPyTorch.Error:E2} ({fromPyTorch.Name}); {ours.Count} outputs and loss terms"));
        Assert.True(toPyTorch.Error <= Tolerance, $"{type.Name}: PyTorch with the C# weights differs by {toPyTorch.Error:E2} (relative) in {toPyTorch.Name}");
        Assert.True(fromPyTorch.Error <= Tolerance, $"{type.Name}: C# with PyTorch's weights differs by {fromPyTorch.Error:E2} (relative) in {fromPyTorch.Name}");
    }

    /// <summary>
    /// Where <c>DSL_PARITY_CASES</c> names a directory, each case is kept there as it stands before PyTorch runs
    /// (model.py, weights.safetensors, batch.safetensors, and torchsharp.safetensors: what C# computed on the CPU), so
    /// the same comparison can run elsewhere, e.g. on a GPU (<c>tools/gpu/cuda_parity.py</c>).
    /// </summary>
    private static void KeepCase(string name, WeightTestSupport.TempDir folder, Dictionary<string, Tensor> ours)
    {
        if (Environment.GetEnvironmentVariable("DSL_PARITY_CASES") is not { Length: > 0 } root)
        {
            return;
        }

        string target = Path.Combine(root, name);
        Directory.CreateDirectory(target);
        foreach (string file in new[] { "model.py", "weights.safetensors", "batch.safetensors" })
        {
            File.Copy(folder.File(file), Path.Combine(target, file), overwrite: true);
        }

        WeightFile.Write(Path.Combine(target, "torchsharp.safetensors"), ours);
    }

    /// <summary>Draws noise in forward, then checks that the outputs are new on every call, of the declared shapes, and the loss is finite.</summary>
    private const string NoiseScript = Prelude + """
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
net.eval()
with torch.no_grad():
    inputs = [batch[name] for name in net.input_names]
    first, second = net(*inputs), net(*inputs)
    total, _ = net.compute_loss(first, {name: batch[name] for name in net.target_names})
assert not torch.equal(first["reconstruction"], second["reconstruction"]), "the noise is drawn once only"
assert torch.isfinite(total), total
print(" ".join(name + str(list(first[name].shape)) for name in net.output_names))
""";

    /// <summary>
    /// The VAE draws its noise with <c>torch.randn_like</c>, which no seed makes equal across the two libraries, so its
    /// values are not compared: its PyTorch module loads the C# weights strictly, runs, draws fresh noise and has the
    /// declared output shapes.
    /// </summary>
    [Fact]
    public void The_generated_pytorch_vae_loads_the_weights_and_samples_noise()
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), TestModels.DigitVae.PyTorchSource);
        torch.manual_seed(3);
        using var model = new TestModels.DigitVae();
        model.SaveWeights(folder.File("weights.safetensors"));
        var batch = Batch(TestModels.DigitVae.Info, size: 3);
        batch["image"] = rand(3, 784);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        string printed = PythonTorch.Run(NoiseScript, folder.Path).Trim();
        // After the declared outputs, what compute_loss reads: the reconstruction's target (the image) and the kl term per sample.
        Assert.Equal("reconstruction[3, 784] mu[3, 16] reconstruction_target[3, 784] kl[3]", printed);
    }

    /// <summary>Running means and variances that are not 0 and 1, so that eval-mode batch norm is tested for real.</summary>
    private static void RandomizeRunningStatistics(nn.Module model)
    {
        using var _ = no_grad();
        foreach (var (name, buffer) in model.named_buffers())
        {
            if (name.EndsWith("running_mean", StringComparison.Ordinal))
            {
                buffer.copy_(randn_like(buffer) * 0.1);
            }
            else if (name.EndsWith("running_var", StringComparison.Ordinal))
            {
                buffer.copy_(rand_like(buffer) + 0.5);
            }
        }
    }

    /// <summary>
    /// The model's own batch where it declares one (<c>public static ParityBatch(int size)</c>: inputs whose values must be
    /// valid, such as token types and a 0 / 1 attention mask), else <see cref="Batch"/>.
    /// </summary>
    internal static Dictionary<string, Tensor> BatchFor(Type type, ModelInfo info, int size) =>
        type.GetMethod("ParityBatch", BindingFlags.Public | BindingFlags.Static) is { } own
            ? (Dictionary<string, Tensor>)own.Invoke(null, new object[] { size })!
            : Batch(info, size);

    /// <summary>A random batch of every input and target column, shaped as the model's Info says.</summary>
    internal static Dictionary<string, Tensor> Batch(ModelInfo info, int size)
    {
        var batch = new Dictionary<string, Tensor>();
        foreach (var input in info.Inputs)
        {
            if (input.DType == "int64")
            {
                // Token ids, within every vocabulary of the test models (0 included: a padding index).
                batch[input.Name] = randint(0, 8, Dims(input.Shape, size), dtype: ScalarType.Int64);
                continue;
            }

            // Large enough that two random classifiers disagree clearly: seed 000's misalignment, 1 - cosine of their
            // softmax outputs, is otherwise 1 - 0.999..., and float32's cancellation alone exceeds 1e-5 of it.
            batch[input.Name] = randn(Dims(input.Shape, size)) * 5;
        }

        foreach (var target in info.Targets)
        {
            var loss = info.Losses.FirstOrDefault(l => l.Target == target.Name);
            if (target.DType == "int64")
            {
                // The classes lie on the term's class axis of the node it reads (an output, or a node only the loss reads).
                string shape = info.Outputs.FirstOrDefault(o => o.Name == loss!.Prediction)?.Shape ?? info.Layers.Single(l => l.Name == loss!.PredictionNode).OutputShape;
                long classes = Dims(shape, size)[loss!.ClassDim];
                batch[target.Name] = randint(0, classes, Dims(target.Shape, size), dtype: ScalarType.Int64);
            }
            else if (loss is null)
            {
                // A mask: a sample (or a position) in, the next out.
                var dims = Dims(target.Shape, size);
                batch[target.Name] = arange(dims.Aggregate(1L, (a, b) => a * b)).remainder(2).to_type(ScalarType.Float32).reshape(dims);
            }
            else
            {
                var values = rand(Dims(target.Shape, size));
                // Probability targets of a soft cross entropy sum to 1 over the classes.
                batch[target.Name] = loss.Kind.StartsWith("CrossEntropy", StringComparison.Ordinal) ? values / values.sum(1, keepdim: true) : values;
            }
        }

        return batch;
    }

    /// <summary>The sizes of a shape for a batch of <paramref name="batch"/>; a symbolic length (T, S) is 5 plus its first letter's distance from T, so two differ.</summary>
    private static long[] Dims(string shape, int batch) =>
        shape.Trim('[', ']').Split(',').Select(d => d.Trim()).Select(d => d == "B" ? batch : long.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : 5 + Math.Abs(d[0] - 'T')).ToArray();

    /// <summary>
    /// The module's outputs and loss terms on the batch (eval mode, no autograd), named as the Python script names them;
    /// a model without losses runs its typed forward (the <c>Inputs</c> record built in declaration order).
    /// </summary>
    private static Dictionary<string, Tensor> Evaluate(nn.Module model, ModelInfo info, Dictionary<string, Tensor> batch)
    {
        using var _ = no_grad();
        if (model is not ITrainableModel trainable)
        {
            var forward = model.GetType().GetMethod("forward")!;
            var inputs = forward.GetParameters()[0].ParameterType.GetConstructors().Single().Invoke(info.Inputs.Select(i => (object)batch[i.Name]).ToArray());
            var outputs = forward.Invoke(model, new[] { inputs })!;
            var members = outputs.GetType().GetConstructors().Single().GetParameters();
            return info.Outputs.Select((o, i) => (o.Name, Value: (Tensor)outputs.GetType().GetProperty(members[i].Name!)!.GetValue(outputs)!))
                .ToDictionary(o => "output." + o.Name, o => o.Value.clone());
        }

        using var step = trainable.Step(batch);
        var result = step.Outputs.ToDictionary(o => "output." + o.Key, o => o.Value.clone());
        result["loss.total"] = step.Losses.Total.clone();
        foreach (var term in step.Losses.Terms)
        {
            result["loss." + term.Name] = term.Value.clone();
        }

        return result;
    }

    private static (double Error, string Name) MaxRelativeError(Dictionary<string, Tensor> ours, WeightFile theirs)
    {
        (double Error, string Name) worst = (0, "");
        Assert.All(ours.Keys, name => Assert.True(theirs.Contains(name), $"PyTorch did not compute '{name}'"));
        // A loss term is a mean of values as large as the outputs it reads: where they cancel (a mean of scores of
        // both signs), float32 rounding is relative to the outputs, so a term's scale is at least theirs.
        double outputs = ours.Keys.Where(n => n.StartsWith("output.", StringComparison.Ordinal)).Select(n => theirs[n].abs().max().item<float>()).DefaultIfEmpty(0).Max();
        foreach (var (name, value) in ours)
        {
            var reference = theirs[name].to_type(ScalarType.Float64);
            Assert.Equal(value.shape, reference.shape);
            double magnitude = reference.abs().max().item<double>();
            double scale = Math.Max(name.StartsWith("loss.", StringComparison.Ordinal) ? Math.Max(magnitude, outputs) : magnitude, 1e-12);
            double error = (value.to_type(ScalarType.Float64) - reference).abs().max().item<double>() / scale;
            worst = error > worst.Error ? (error, name) : worst;
        }

        return worst;
    }

    private static bool Same(nn.Module a, nn.Module b)
    {
        var other = b.state_dict();
        return a.state_dict().All(e => e.Value.eq(other[e.Key]).all().item<bool>());
    }
}
