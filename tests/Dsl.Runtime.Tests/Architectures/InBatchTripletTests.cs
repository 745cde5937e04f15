using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.Export;
using Dsl.Runtime.Tests.Training;
using Dsl.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// <c>Loss.InBatchTriplet</c> end to end (#25): <see cref="TripletDualEncoder"/> against the same dual encoder written
/// independently in plain PyTorch 1.13 (the VSE sum of hinges averaged, and VSE++'s hardest negative; state dict loaded
/// strictly): parameter counts, both loss terms and every gradient; and <see cref="Trainer.Fit"/> on seeded paired data
/// lowers the loss and retrieves held-out pairs far above chance. Its generated PyTorch module computes the same terms
/// (<see cref="PyTorchParityTests"/>).
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class InBatchTripletTests
{
    private const double Tolerance = 1e-5;

    private const string Script = BatchLevelTests.Prelude + """
def tower(features):
    module = nn.Module()
    module.fc = nn.Linear(features, 16)
    module.proj = nn.Linear(16, 8)
    return module

def embed(module, x):
    return F.normalize(module.proj(F.relu(module.fc(x))), dim=-1)

def in_batch_triplet(s, margin, hardest):
    n = s.shape[0]
    positive = torch.diagonal(s).view(n, 1)
    off_diagonal = ~torch.eye(n, dtype=torch.bool)
    hinge = torch.where(off_diagonal, F.relu(margin + s - positive), torch.zeros_like(s))
    per_anchor = hinge.max(dim=1).values if hardest else hinge.sum(dim=1) / (n - 1)
    return per_anchor.mean()

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.query_tower = tower(10)
        self.document_tower = tower(12)

    def forward(self, batch):
        s = embed(self.query_tower, batch["query"]) @ embed(self.document_tower, batch["document"]).t()
        return {"triplet": (in_batch_triplet(s, 0.2, False), 1.0), "hardest": (in_batch_triplet(s, 0.1, True), 0.5)}
""" + BatchLevelTests.Epilogue;

    private readonly ITestOutputHelper output;

    public InBatchTripletTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void The_triplet_dual_encoder_has_the_parameters_loss_terms_and_gradients_of_a_pytorch_one()
    {
        torch.manual_seed(23);
        using var model = new TripletDualEncoder();
        var batch = PairedData(count: 7, seed: 4);
        var (parameters, reference, lossError, gradientError, name) = BatchLevelTests.AgainstReference(model, batch, Script);
        output.WriteLine(FormattableString.Invariant($"TripletDualEncoder: {parameters:N0} parameters (PyTorch {reference:N0}); loss terms differ by {lossError:E2}, gradients by {gradientError:E2} ({name})"));
        Assert.Equal(TripletDualEncoder.Info.TrainableParameters, parameters);
        Assert.Equal(reference, parameters);
        Assert.True(lossError <= Tolerance, $"the loss terms differ by {lossError:E2}");
        Assert.True(gradientError <= Tolerance, $"gradients differ by {gradientError:E2} in {name}");
    }

    [Fact]
    public void The_triplet_dual_encoder_trains_with_the_trainer_on_paired_data()
    {
        torch.manual_seed(5);
        using var model = new TripletDualEncoder();
        using var train = new TensorDataset(PairedData(count: 512, seed: 1));
        var history = Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 20, BatchSize = 32, Seed = 3, Optimizer = OptimizerSpec.Adam(lr: 1e-2), Verbose = TrainingVerbosity.Silent,
        });

        // 16 steps an epoch, 320 in all.
        var first = history.Epochs[0].Train.Losses;
        var last = history.Epochs[^1].Train.Losses;
        output.WriteLine(FormattableString.Invariant(
            $"InBatchTriplet: total {history.Epochs[0].Train.Total:F4} -> {history.Epochs[^1].Train.Total:F4}, mean form {first["triplet"]:F4} -> {last["triplet"]:F4}, hardest {first["hardest"]:F4} -> {last["hardest"]:F4} ({history.Epochs.Count} epochs)"));
        Assert.True(last["triplet"] < first["triplet"] * 0.5, $"the mean-form loss should fall: {first["triplet"]:F4} -> {last["triplet"]:F4}");
        Assert.True(last["hardest"] < first["hardest"], $"the hardest-negative loss should fall: {first["hardest"]:F4} -> {last["hardest"]:F4}");

        // Retrieval on held-out pairs: each query finds its own document among 32 far more often than chance (1 / 32).
        var test = PairedData(count: 32, seed: 9);
        model.eval();
        using var _ = no_grad();
        var outputs = model.Forward(test["query"], test["document"]);
        using var similarity = outputs.QueryEmbedding.matmul(outputs.DocumentEmbedding.t());
        double accuracy = similarity.argmax(1).eq(arange(32)).to_type(ScalarType.Float32).mean().item<float>();
        output.WriteLine(FormattableString.Invariant($"held-out query-to-document retrieval among 32: {accuracy:P1}"));
        Assert.True(accuracy > 0.5, $"retrieval accuracy {accuracy:P1}");
    }

    /// <summary>A query and a document per pair, two noisy linear views of one latent code (seeded).</summary>
    private static Dictionary<string, Tensor> PairedData(int count, int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        var views = new torch.Generator(4321);
        using var scope = NewDisposeScope();
        var queryView = randn(new long[] { 4, TripletDualEncoder.QueryFeatures }, generator: views);
        var documentView = randn(new long[] { 4, TripletDualEncoder.DocumentFeatures }, generator: views);
        var code = randn(new long[] { count, 4 }, generator: generator);
        var query = code.matmul(queryView) + 0.1 * randn(new long[] { count, TripletDualEncoder.QueryFeatures }, generator: generator);
        var document = code.matmul(documentView) + 0.1 * randn(new long[] { count, TripletDualEncoder.DocumentFeatures }, generator: generator);
        return new Dictionary<string, Tensor> { ["query"] = query.MoveToOuterDisposeScope(), ["document"] = document.MoveToOuterDisposeScope() };
    }
}
