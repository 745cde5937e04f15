using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.Export;
using Dsl.Runtime.Tests.Training;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// Batch-level ops and losses end to end (#25): <see cref="ClipDualEncoder"/> (two towers, [B, B] logits of
/// <c>Ops.BatchSimilarity</c> times <c>exp(logit_scale)</c>, <c>Loss.InfoNce()</c>) and <see cref="MixtureOfExperts"/>
/// (a load-balancing term over <c>BatchMean()</c>) against models written independently in plain PyTorch 1.13 (the
/// same dotted state-dict names, loaded strictly): parameter counts, loss terms and every gradient; both train with
/// <see cref="Trainer.Fit"/> on seeded generated data, and their generated PyTorch modules compute the same outputs
/// and loss terms (<see cref="PyTorchParityTests"/>).
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class BatchLevelTests
{
    private const double Tolerance = 1e-5;

    /// <summary>Imports folder/model.py only for its safetensors reader and writer.</summary>
    internal const string Prelude = """
import os, sys, importlib.util, torch, torch.nn as nn, torch.nn.functional as F
folder = sys.argv[1]
spec = importlib.util.spec_from_file_location("model", os.path.join(folder, "model.py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)

""";

    /// <summary>Runs the reference on the batch, backpropagates the total and saves the terms and every gradient.</summary>
    internal const string Epilogue = """

net = Net()
print(sum(p.numel() for p in net.parameters()))
net.load_state_dict(m.load_safetensors(os.path.join(folder, "weights.safetensors")), strict=True)
net.train()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
terms = net(batch)
total = sum(weight * value for value, weight in terms.values())
total.backward()
result = {"loss." + name: value.detach() for name, (value, _) in terms.items()}
result["loss.total"] = total.detach()
result.update({"grad." + name: p.grad for name, p in net.named_parameters()})
m.save_safetensors(result, os.path.join(folder, "pytorch.safetensors"))
""";

    private const string ClipScript = Prelude + """
class Visual(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(12, 16)
        self.proj = nn.Linear(16, 8, bias=False)

    def forward(self, image):
        return F.normalize(self.proj(F.gelu(self.fc(image))), dim=-1)

class Text(nn.Module):
    def __init__(self):
        super().__init__()
        self.token_embedding = nn.Embedding(20, 16)
        self.proj = nn.Linear(16, 8, bias=False)

    def forward(self, tokens):
        return F.normalize(self.proj(self.token_embedding(tokens).mean(1)), dim=-1)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.visual = Visual()
        self.text = Text()
        self.logit_scale = nn.Parameter(torch.ones(1, 1))

    def forward(self, batch):
        image_features = self.visual(batch["image"])
        text_features = self.text(batch["tokens"])
        logits_per_image = self.logit_scale.exp() * image_features @ text_features.t()
        labels = torch.arange(logits_per_image.shape[0])
        loss = (F.cross_entropy(logits_per_image, labels) + F.cross_entropy(logits_per_image.t(), labels)) / 2
        return {"clip": (loss, 1.0)}
""" + Epilogue;

    private const string MixtureScript = Prelude + """
class Net(nn.Module):
    def __init__(self, features=6, experts=4, classes=3):
        super().__init__()
        self.router = nn.Linear(features, experts)
        self.experts = nn.ModuleList([nn.Linear(features, classes) for _ in range(experts)])

    def forward(self, batch):
        x = batch["x"]
        gate = F.softmax(self.router(x), dim=-1)
        logits = sum(expert(x) * gate[:, k:k + 1] for k, expert in enumerate(self.experts))
        importance = gate.mean(0)
        balance = len(self.experts) * (importance * importance).sum()
        return {"label": (F.cross_entropy(logits, batch["label"]), 1.0), "balance": (balance, 0.1)}
""" + Epilogue;

    private readonly ITestOutputHelper output;

    public BatchLevelTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void The_clip_dual_encoder_has_the_parameters_loss_and_gradients_of_a_pytorch_clip()
    {
        torch.manual_seed(21);
        using var model = new ClipDualEncoder();
        var batch = PairedData(count: 6, seed: 4);
        var (parameters, reference, lossError, gradientError, name) = AgainstReference(model, batch, ClipScript);
        Assert.Equal(ClipDualEncoder.Info.TrainableParameters, parameters);
        Assert.Contains("logit_scale", model.state_dict().Keys);
        output.WriteLine(FormattableString.Invariant($"ClipDualEncoder: {parameters:N0} parameters (PyTorch {reference:N0}); loss differs by {lossError:E2}, gradients by {gradientError:E2} ({name})"));
        Assert.Equal(reference, parameters);
        Assert.True(lossError <= Tolerance, $"the loss differs by {lossError:E2}");
        Assert.True(gradientError <= Tolerance, $"gradients differ by {gradientError:E2} in {name}");
    }

    [Fact]
    public void The_mixture_of_experts_has_the_parameters_loss_terms_and_gradients_of_a_pytorch_mixture()
    {
        torch.manual_seed(22);
        using var model = new MixtureOfExperts();
        torch.manual_seed(3);
        var batch = new Dictionary<string, Tensor>
        {
            ["x"] = randn(7, MixtureOfExperts.Features),
            ["label"] = randint(0, MixtureOfExperts.Classes, new long[] { 7 }),
        };
        var (parameters, reference, lossError, gradientError, name) = AgainstReference(model, batch, MixtureScript);
        Assert.Equal(MixtureOfExperts.Info.TrainableParameters, parameters);
        output.WriteLine(FormattableString.Invariant($"MixtureOfExperts: {parameters:N0} parameters (PyTorch {reference:N0}); loss terms differ by {lossError:E2}, gradients by {gradientError:E2} ({name})"));
        Assert.Equal(reference, parameters);
        Assert.True(lossError <= Tolerance, $"the loss terms differ by {lossError:E2}");
        Assert.True(gradientError <= Tolerance, $"gradients differ by {gradientError:E2} in {name}");
    }

    [Fact]
    public void The_clip_dual_encoder_trains_with_the_trainer_on_paired_data()
    {
        torch.manual_seed(5);
        using var model = new ClipDualEncoder();
        using var train = new TensorDataset(PairedData(count: 512, seed: 1));
        var history = Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 30, BatchSize = 32, Seed = 3, Optimizer = OptimizerSpec.Adam(lr: 1e-2), Verbose = TrainingVerbosity.Silent,
        });

        // Chance is ln 32 = 3.47 per batch of 32; pairs that share a latent code are told apart from the other 31.
        double first = history.Epochs[0].Train.Total, last = history.Epochs[^1].Train.Total;
        using var scale = model.state_dict()["logit_scale"].exp();
        output.WriteLine(FormattableString.Invariant($"InfoNCE: epoch 1 {first:F3}, epoch {history.Epochs.Count} {last:F3} (chance {Math.Log(32):F3}); exp(logit_scale) {scale.item<float>():F2}"));
        Assert.True(last < first * 0.6, $"the InfoNCE loss should fall well below the first epoch's: {first:F3} -> {last:F3}");

        // Retrieval on held-out pairs: each image finds its own text among 32 more often than chance (1 / 32).
        var test = PairedData(count: 32, seed: 9);
        model.eval();
        using var _ = no_grad();
        var outputs = model.Forward(test["image"], test["tokens"]);
        using var similarity = outputs.ImageEmbedding.matmul(outputs.TextEmbedding.t());
        double accuracy = similarity.argmax(1).eq(arange(32)).to_type(ScalarType.Float32).mean().item<float>();
        output.WriteLine(FormattableString.Invariant($"held-out image-to-text retrieval among 32: {accuracy:P1}"));
        Assert.True(accuracy > 0.25, $"retrieval accuracy {accuracy:P1}");
    }

    [Fact]
    public void The_mixture_of_experts_trains_with_its_load_balancing_term()
    {
        torch.manual_seed(6);
        using var model = new MixtureOfExperts();
        torch.manual_seed(2);
        using var x = randn(480, MixtureOfExperts.Features);
        using var label = x.narrow(1, 0, 3).argmax(1);   // the largest of the first three features
        using var data = new TensorDataset(new Dictionary<string, Tensor> { ["x"] = x, ["label"] = label });
        var history = Trainer.Fit(model, data, null, new TrainingOptions
        {
            Epochs = 6, BatchSize = 32, Seed = 3, Optimizer = OptimizerSpec.Adam(lr: 1e-2), Verbose = TrainingVerbosity.Silent,
        });

        var firstTerms = history.Epochs[0].Train.Losses;
        var lastTerms = history.Epochs[^1].Train.Losses;
        output.WriteLine(FormattableString.Invariant(
            $"MixtureOfExperts: total {history.Epochs[0].Train.Total:F3} -> {history.Epochs[^1].Train.Total:F3}, label {firstTerms["label"]:F3} -> {lastTerms["label"]:F3}, balance {firstTerms["balance"]:F3} -> {lastTerms["balance"]:F3} (1 = even)"));
        Assert.True(lastTerms["label"] < firstTerms["label"] * 0.7, "the classification loss should fall");
        Assert.InRange(lastTerms["balance"], 1.0, 1.5);
    }

    /// <summary>The run-time target check reads the batch size of a batched output, not of a batch statistic declared first.</summary>
    [Fact]
    public void A_batch_statistic_output_does_not_set_the_batch_size_of_the_targets()
    {
        torch.manual_seed(1);
        using var model = new StatisticFirst();
        using var x = randn(5, 4);
        using var label = randint(0, 3, new long[] { 5 });
        using var outputs = model.Forward(x);
        using var losses = model.ComputeLoss(outputs, new StatisticFirst.Targets(label));

        Assert.Equal(new long[] { 1, 4 }, outputs.Mean.shape);
        Assert.True(double.IsFinite(losses.Total.item<float>()));
        using var wrong = randint(0, 3, new long[] { 4 });
        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(outputs, new StatisticFirst.Targets(wrong)));
        Assert.Contains("has batch size 4 but earlier tensors have batch size 5", error.Message);
    }

    [Fact]
    public void The_generated_pytorch_modules_compute_the_same_outputs_and_loss_terms()
    {
        var parity = new PyTorchParityTests(output);
        parity.The_generated_pytorch_module_computes_what_the_torchsharp_module_computes_with_weights_moved_both_ways(typeof(ClipDualEncoder));
        parity.The_generated_pytorch_module_computes_what_the_torchsharp_module_computes_with_weights_moved_both_ways(typeof(MixtureOfExperts));
    }

    /// <summary>
    /// Runs <paramref name="script"/> (an independent PyTorch model <c>Net</c> with the C# weights) and one training step in
    /// C# on <paramref name="batch"/>: the parameter counts, the largest loss-term difference and the largest gradient difference.
    /// </summary>
    internal static (long Parameters, long Reference, double LossError, double GradientError, string Name) AgainstReference(
        nn.Module model, Dictionary<string, Tensor> batch, string script)
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), (string)model.GetType().GetField("PyTorchSource")!.GetValue(null)!);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        model.SaveWeights(folder.File("weights.safetensors"));
        long reference = long.Parse(PythonTorch.Run(script, folder.Path).Trim(), CultureInfo.InvariantCulture);
        long parameters = model.parameters().Sum(p => p.numel());

        model.train();
        using var step = ((ITrainableModel)model).Step(batch);
        step.Losses.Total.backward();
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double lossError = step.Losses.Terms.Select(t => Error(t.Value, theirs["loss." + t.Name])).Append(Error(step.Losses.Total, theirs["loss.total"])).Max();
        var (gradientError, name) = model.named_parameters().Select(p => (Error(p.parameter.grad!, theirs["grad." + p.name]), p.name)).Max();
        return (parameters, reference, lossError, gradientError, name);
    }

    private static double Error(Tensor ours, Tensor theirs) =>
        (ours.to_type(ScalarType.Float64) - theirs.to_type(ScalarType.Float64)).abs().max().item<double>();

    /// <summary>
    /// Image features and token ids generated from one latent code per pair (seeded): an image is a noisy linear view of
    /// the code, each of its text's tokens the bucket of one random projection of it (a vocabulary of its own per position), so pair i is told apart from the
    /// batch's other pairs only through what the towers learn.
    /// </summary>
    private static Dictionary<string, Tensor> PairedData(int count, int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        var views = new torch.Generator(1234);
        using var scope = NewDisposeScope();
        var imageView = randn(new long[] { 4, ClipDualEncoder.Features }, generator: views);
        var textView = randn(new long[] { 4, ClipDualEncoder.Tokens }, generator: views);
        var code = randn(new long[] { count, 4 }, generator: generator);
        var image = code.matmul(imageView) + 0.1 * randn(new long[] { count, ClipDualEncoder.Features }, generator: generator);
        // Token t is one of four buckets of projection t, in ids 4t .. 4t + 3 of its own, so a bag of tokens keeps which is which.
        const int buckets = ClipDualEncoder.Vocabulary / ClipDualEncoder.Tokens;
        var bucket = ((code.matmul(textView).tanh() + 1) * (buckets / 2.0)).floor().clamp(0, buckets - 1);
        var tokens = (bucket + buckets * arange(ClipDualEncoder.Tokens, dtype: ScalarType.Float32)).to_type(ScalarType.Int64);
        return new Dictionary<string, Tensor> { ["image"] = image.MoveToOuterDisposeScope(), ["tokens"] = tokens.MoveToOuterDisposeScope() };
    }
}
