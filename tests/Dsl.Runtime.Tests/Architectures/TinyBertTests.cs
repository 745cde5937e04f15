using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Runtime.Tests.Training;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// <see cref="TinyBert"/> against a BertForMaskedLM written independently in plain PyTorch 1.13 with Hugging Face's
/// module names: its state dict, saved as .pth, loads strictly by name with no renaming; the parameter count, the last
/// hidden states, the logits and the masked-token loss agree on a padded batch; and the masked-token loss falls over
/// a short seeded <see cref="Trainer"/> run. (PyTorchParityTests compares the generated PyTorch module; the ONNX tests
/// run it in ONNX Runtime.)
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class TinyBertTests
{
    private const double Tolerance = 1e-5;

    /// <summary>BertForMaskedLM in plain torch, Hugging Face's layout and names (eval mode, random weights).</summary>
    private const string Script = """
import math, sys, torch, torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
V, H, HEADS, LAYERS, I, P = 40, 32, 2, 2, 64, 32

class BertEmbeddings(nn.Module):
    def __init__(self):
        super().__init__()
        self.word_embeddings = nn.Embedding(V, H, padding_idx=0)
        self.position_embeddings = nn.Embedding(P, H)
        self.token_type_embeddings = nn.Embedding(2, H)
        self.LayerNorm = nn.LayerNorm(H, eps=1e-12)
        self.dropout = nn.Dropout(0.1)
    def forward(self, input_ids, token_type_ids):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(positions) + self.token_type_embeddings(token_type_ids)
        return self.dropout(self.LayerNorm(x))

class BertSelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.d = H // HEADS
        self.query, self.key, self.value = nn.Linear(H, H), nn.Linear(H, H), nn.Linear(H, H)
        self.dropout = nn.Dropout(0.1)
    def heads(self, x):
        return x.view(x.size()[:-1] + (HEADS, self.d)).permute(0, 2, 1, 3)
    def forward(self, x, mask):
        q, k, v = self.heads(self.query(x)), self.heads(self.key(x)), self.heads(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.d) + mask
        context = torch.matmul(self.dropout(F.softmax(scores, dim=-1)), v).permute(0, 2, 1, 3).contiguous()
        return context.view(context.size()[:-2] + (H,))

class BertSelfOutput(nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.dense = nn.Linear(inner, H)
        self.LayerNorm = nn.LayerNorm(H, eps=1e-12)
        self.dropout = nn.Dropout(0.1)
    def forward(self, h, x):
        return self.LayerNorm(self.dropout(self.dense(h)) + x)

class BertAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.self = BertSelfAttention()
        self.output = BertSelfOutput(H)
    def forward(self, x, mask):
        return self.output(self.self(x, mask), x)

class BertIntermediate(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(H, I)
    def forward(self, x):
        return F.gelu(self.dense(x))

class BertLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = BertAttention()
        self.intermediate = BertIntermediate()
        self.output = BertSelfOutput(I)
    def forward(self, x, mask):
        x = self.attention(x, mask)
        return self.output(self.intermediate(x), x)

class BertEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.ModuleList([BertLayer() for _ in range(LAYERS)])
    def forward(self, x, mask):
        for layer in self.layer:
            x = layer(x, mask)
        return x

class BertModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = BertEmbeddings()
        self.encoder = BertEncoder()
    def forward(self, input_ids, token_type_ids, attention_mask):
        extended = (1.0 - attention_mask[:, None, None, :]) * torch.finfo(torch.float32).min
        return self.encoder(self.embeddings(input_ids, token_type_ids), extended)

class BertPredictionHeadTransform(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(H, H)
        self.LayerNorm = nn.LayerNorm(H, eps=1e-12)
    def forward(self, x):
        return self.LayerNorm(F.gelu(self.dense(x)))

class BertLMPredictionHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.transform = BertPredictionHeadTransform()
        self.decoder = nn.Linear(H, V)
    def forward(self, x):
        return self.decoder(self.transform(x))

class BertOnlyMLMHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.predictions = BertLMPredictionHead()
    def forward(self, x):
        return self.predictions(x)

class BertForMaskedLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = BertModel()
        self.cls = BertOnlyMLMHead()
    def forward(self, input_ids, token_type_ids, attention_mask):
        hidden = self.bert(input_ids, token_type_ids, attention_mask)
        return hidden, self.cls(hidden)

model = BertForMaskedLM()
with torch.no_grad():
    for name, p in model.named_parameters():
        if "LayerNorm" in name:
            p.add_(0.1 * torch.randn_like(p))   # away from ones and zeros, so a swapped weight and bias shows
model.eval()
torch.save(model.state_dict(), sys.argv[1])
io = torch.load(sys.argv[2])
with torch.no_grad():
    hidden, logits = model(io["input_ids"], io["token_type_ids"], io["attention_mask"])
    loss = F.cross_entropy(logits.view(-1, V), io["labels"].view(-1), ignore_index=-100)
torch.save({"last_hidden_state": hidden, "logits": logits, "loss": loss}, sys.argv[3])
print(sum(p.numel() for p in model.parameters()))
""";

    private readonly ITestOutputHelper output;

    public TinyBertTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void A_bert_state_dict_with_hugging_face_names_loads_strictly_and_gives_its_hidden_states_logits_and_masked_token_loss()
    {
        using var folder = new TempDirectory();
        string weights = folder.File("bert.pth"), inputs = folder.File("inputs.pt"), results = folder.File("pytorch.pt");
        var batch = TinyBert.SampleBatch(count: 3, length: 11, seed: 4);
        WeightFile.Write(inputs, batch);
        long reference = long.Parse(PythonTorch.Run(Script, weights, inputs, results).Trim(), CultureInfo.InvariantCulture);

        using var model = new TinyBert();
        long parameters = model.parameters().Sum(p => p.numel());
        Assert.Equal(reference, parameters);
        Assert.Equal(TinyBert.Info.TrainableParameters, parameters);
        Assert.Contains("bert.encoder.layer.1.attention.self.query.weight", model.state_dict().Keys);
        var report = model.LoadWeights(weights, strict: true);
        Assert.True(report.IsExactMatch, report.ToString());

        model.eval();
        using var _ = no_grad();
        using var step = ((ITrainableModel)model).Step(batch);
        using var theirs = WeightFile.Read(results);
        double hiddenError = Error(step.Outputs["last_hidden_state"], theirs["last_hidden_state"]);
        double logitError = Error(step.Outputs["logits"], theirs["logits"]);
        double lossError = Math.Abs(step.Losses.Total.item<float>() - theirs["loss"].item<float>());
        output.WriteLine(FormattableString.Invariant(
            $"TinyBert: {parameters:N0} parameters (PyTorch {reference:N0}); hidden states differ by {hiddenError:E2}, logits by {logitError:E2}, the masked-token loss ({theirs["loss"].item<float>():F4}) by {lossError:E2}"));
        Assert.True(hiddenError <= Tolerance, $"hidden states differ by {hiddenError:E2}");
        Assert.True(logitError <= Tolerance, $"logits differ by {logitError:E2}");
        Assert.True(lossError <= Tolerance, $"the loss differs by {lossError:E2}");
    }

    /// <summary>The generated PyTorch module: the reference's state dict loads strictly into it, and it computes the reference's results.</summary>
    private const string ExportScript = """
import sys, torch
scope = {}
exec(compile(open(sys.argv[1]).read(), "model.py", "exec"), scope)
model = scope["MODEL"]()
model.load_state_dict(torch.load(sys.argv[2]), strict=True)
model.eval()
io, reference = torch.load(sys.argv[3]), torch.load(sys.argv[4])
with torch.no_grad():
    outputs = model(*[io[name] for name in model.input_names])
    total, _ = model.compute_loss(outputs, {name: io[name] for name in model.target_names})
errors = [(outputs[name] - reference[name]).abs().max().item() for name in ("last_hidden_state", "logits")]
print(f"{max(errors):.3e} {abs(total.item() - reference['loss'].item()):.3e}")
""";

    [Fact]
    public void The_pytorch_export_loads_the_same_state_dict_and_computes_the_same_results()
    {
        using var folder = new TempDirectory();
        string weights = folder.File("bert.pth"), inputs = folder.File("inputs.pt"), results = folder.File("pytorch.pt"), source = folder.File("model.py");
        WeightFile.Write(inputs, TinyBert.SampleBatch(count: 3, length: 11, seed: 4));
        PythonTorch.Run(Script, weights, inputs, results);
        System.IO.File.WriteAllText(source, TinyBert.PyTorchSource);

        var measured = PythonTorch.Run(ExportScript, source, weights, inputs, results).Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        output.WriteLine(FormattableString.Invariant($"TinyBert's PyTorch export vs the reference: outputs differ by {measured[0]:E2}, the loss by {measured[1]:E2}"));
        Assert.True(measured[0] <= Tolerance, $"outputs differ by {measured[0]:E2}");
        Assert.True(measured[1] <= Tolerance, $"the loss differs by {measured[1]:E2}");
    }

    [Fact]
    public void A_short_seeded_run_of_masked_token_training_lowers_the_loss()
    {
        torch.manual_seed(5);
        using var model = new TinyBert();
        using var data = new TensorDataset(TinyBert.SampleBatch(count: 512, length: 16, seed: 1));
        var history = Trainer.Fit(model, data, null, new TrainingOptions
        {
            Epochs = 25, BatchSize = 32, Seed = 3, Optimizer = OptimizerSpec.Adam(lr: 3e-3), Verbose = TrainingVerbosity.Silent,
        });

        // 25 epochs of 16 steps: 400 optimizer steps (a few seconds).
        double first = history.Epochs[0].Train.Total, last = history.Epochs[^1].Train.Total;
        output.WriteLine(FormattableString.Invariant($"masked-token loss: epoch 1 {first:F3}, epoch 25 {last:F3}"));
        Assert.True(last < first / 2, $"the loss should fall below half of the first epoch's: {first:F3} -> {last:F3}");
    }

    /// <summary>max |a - b| relative to the larger of 1 and the reference's largest magnitude.</summary>
    private static double Error(Tensor ours, Tensor reference)
    {
        Assert.Equal(reference.shape, ours.shape);
        double scale = Math.Max(1, reference.abs().max().item<float>());
        return (ours.to_type(ScalarType.Float64) - reference.to_type(ScalarType.Float64)).abs().max().item<double>() / scale;
    }
}
