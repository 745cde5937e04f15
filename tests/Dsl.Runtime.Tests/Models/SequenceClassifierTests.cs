using Dsl.Tests.Shared;
using System;
using System.Linq;
using Dsl;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Runtime.Tests.Weights;
using Dsl.Weights;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Text classification on token ids of any length: Embedding, a two-layer bidirectional LSTM, each direction where it ends, a linear head.</summary>
[Model]
[PyTorchParity]
public partial class LstmTextClassifier
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var steps = tokens
            .Embedding(50, 16, paddingIdx: 0, name: "embed")
            .Lstm(24, numLayers: 2, bidirectional: true, dropout: 0.1, name: "lstm");
        // Each direction where it has read the whole sequence: forward at the last step, backward at the first.
        var logits = Ops.Concat(1, steps.Slice(2, 0, 24).LastStep(), steps.Slice(2, 24).Select(1, 0))
            .Linear(3, name: "head");
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}

/// <summary>The same with a GRU, and a plain relu RNN stacked on it.</summary>
[Model]
[PyTorchParity]
public partial class GruTextClassifier
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var logits = tokens
            .Embedding(50, 8, name: "embed")
            .Gru(12, name: "gru")
            .Rnn(6, nonlinearity: "relu", name: "rnn")
            .LastStep()
            .Linear(2, name: "head");
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}

/// <summary>
/// The recurrent classifiers have PyTorch's parameters and compute what PyTorch computes with the same weights
/// (python3-torch; the bidirectional one's summary equals PyTorch's final hidden states of both directions), accept
/// sequences of any length, refuse float ids, and learn: a few Adam steps on one batch lower the loss.
/// </summary>
public sealed class SequenceClassifierTests
{
    [Fact]
    public void The_recurrent_classifiers_compute_what_PyTorch_computes_with_the_same_weights()
    {
        using var folder = new TempDirectory();
        string lstmWeights = folder.File("lstm.pth"), gruWeights = folder.File("gru.pth"), io = folder.File("io.pt");
        PythonTorch.Run("""
import sys, torch, torch.nn as nn
class Lstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(50, 16, padding_idx=0)
        self.lstm = nn.LSTM(16, 24, num_layers=2, bidirectional=True, dropout=0.1, batch_first=True)
        self.head = nn.Linear(48, 3)
    def forward(self, tokens):
        # The final hidden states of the last layer, forward and backward: what the DSL's slices select.
        _, (h, _) = self.lstm(self.embed(tokens))
        return self.head(torch.cat([h[-2], h[-1]], 1))
class Gru(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(50, 8)
        self.gru = nn.GRU(8, 12, batch_first=True)
        self.rnn = nn.RNN(12, 6, nonlinearity='relu', batch_first=True)
        self.head = nn.Linear(6, 2)
    def forward(self, tokens):
        return self.head(self.rnn(self.gru(self.embed(tokens))[0])[0][:, -1])
torch.manual_seed(5)
lstm, gru = Lstm().eval(), Gru().eval()
torch.save(lstm.state_dict(), sys.argv[1])
torch.save(gru.state_dict(), sys.argv[2])
tokens = torch.randint(0, 50, (3, 11))
with torch.no_grad():
    torch.save({"tokens": tokens, "lstm": lstm(tokens), "gru": gru(tokens)}, sys.argv[3])
""", lstmWeights, gruWeights, io);
        using var lstm = new LstmTextClassifier();
        using var gru = new GruTextClassifier();
        Assert.True(lstm.LoadWeights(lstmWeights, strict: true).IsExactMatch);
        Assert.True(gru.LoadWeights(gruWeights, strict: true).IsExactMatch);
        lstm.eval();
        gru.eval();
        using var file = WeightFile.Read(io);

        using var a = lstm.Forward(file["tokens"]);
        using var b = gru.Forward(file["tokens"]);

        Assert.True(a.Logits.allclose(file["lstm"], rtol: 1e-4, atol: 1e-5), $"the LSTM classifier differs from PyTorch by up to {(a.Logits - file["lstm"]).abs().max().item<float>()}");
        Assert.True(b.Logits.allclose(file["gru"], rtol: 1e-4, atol: 1e-5), $"the GRU classifier differs from PyTorch by up to {(b.Logits - file["gru"]).abs().max().item<float>()}");
        // The strict loads matched every name and shape; the compile-time counts are those of the modules.
        Assert.Equal(lstm.parameters().Sum(p => p.numel()), LstmTextClassifier.Info.TotalParameters);
        Assert.Equal(gru.parameters().Sum(p => p.numel()), GruTextClassifier.Info.TotalParameters);
    }

    [Fact]
    public void Float_values_for_the_token_ids_are_refused_at_run_time_with_both_dtypes()
    {
        using var model = new LstmTextClassifier();
        using var values = torch.rand(2, 5);

        var error = Assert.Throws<ArgumentException>(() => model.Forward(values));

        Assert.Contains("'tokens' expects shape [B, T] (int64) but got [2, 5] (float32)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lstm_classifier_reads_any_length_and_learns_a_batch()
    {
        torch.manual_seed(11);
        using var model = new LstmTextClassifier();
        using (var shortBatch = model.Forward(torch.randint(1, 50, new long[] { 3, 4 })))
        {
            Assert.Equal(new long[] { 3, 3 }, shortBatch.Logits.shape);
        }

        AssertLearns(model, (tokens, labels) => model.ComputeLoss(model.Forward(tokens), new LstmTextClassifier.Targets(labels)).Total, classes: 3);
    }

    [Fact]
    public void The_gru_classifier_learns_a_batch()
    {
        torch.manual_seed(12);
        using var model = new GruTextClassifier();
        AssertLearns(model, (tokens, labels) => model.ComputeLoss(model.Forward(tokens), new GruTextClassifier.Targets(labels)).Total, classes: 2);
    }

    /// <summary>Forward, backward and Adam steps on one batch of 8 sequences of 7 tokens: the loss falls.</summary>
    private static void AssertLearns(torch.nn.Module model, System.Func<torch.Tensor, torch.Tensor, torch.Tensor> loss, int classes)
    {
        using var tokens = torch.randint(1, 50, new long[] { 8, 7 });
        using var labels = torch.randint(0, classes, new long[] { 8 });
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        model.train();
        float first = 0, last = 0;
        for (int step = 0; step < 15; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var total = loss(tokens, labels);
            total.backward();
            optimizer.step();
            last = total.item<float>();
            first = step == 0 ? last : first;
            Assert.True(float.IsFinite(last));
        }

        Assert.True(last < first * 0.7f, $"the loss fell from {first} to {last}");
    }
}
