using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Runtime.Tests.Training;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// <see cref="TinyGpt"/>: the parameter count, logits and next-token loss of a GPT-2-style decoder written
/// independently in PyTorch 1.13 (nn.ModuleList of blocks, so the same dotted state-dict names, and the head tied to the
/// token table as GPT-2 ties it), weights loaded strictly in both directions; and
/// a few hundred <see cref="Trainer"/> steps on a short text the test writes, after which the loss has fallen and greedy
/// generation in C# continues the text. (PyTorchParityTests compares the generated PyTorch module; the ONNX tests run
/// it in ONNX Runtime.)
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class TinyGptTests
{
    private const double Tolerance = 1e-5;

    /// <summary>The training text: one sentence, repeated (28 characters: the model's alphabet).</summary>
    private const string Sentence = "the cat sat on the mat. ";

    private const string Script = """
import os, sys, importlib.util, torch, torch.nn as nn, torch.nn.functional as F
folder = sys.argv[1]
spec = importlib.util.spec_from_file_location("model", os.path.join(folder, "model.py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)   # only for its safetensors reader and writer

class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.ln_1 = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.ln_2 = nn.LayerNorm(dim)
        self.mlp = nn.ModuleDict(dict(c_fc=nn.Linear(dim, 4 * dim), c_proj=nn.Linear(4 * dim, dim)))

    def forward(self, x):
        t = x.shape[1]
        causal = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, attn_mask=causal, need_weights=False)[0]
        return x + self.mlp.c_proj(F.gelu(self.mlp.c_fc(self.ln_2(x))))

class GPT(nn.Module):
    def __init__(self, vocab=28, dim=32, heads=4, layers=2, max_len=32):
        super().__init__()
        self.wte = nn.Embedding(vocab, dim)
        self.wpe = nn.Embedding(max_len, dim)
        self.h = nn.ModuleList([Block(dim, heads) for _ in range(layers)])
        self.ln_f = nn.LayerNorm(dim)
        self.lm_head = nn.Linear(dim, vocab, bias=False)
        self.lm_head.weight = self.wte.weight   # GPT-2's weight tying

    def forward(self, idx):
        pos = torch.arange(idx.shape[1]).unsqueeze(0)
        x = self.wte(idx) + self.wpe(pos)
        for block in self.h:
            x = block(x)
        return self.lm_head(self.ln_f(x))

tokens = m.load_safetensors(os.path.join(folder, "batch.safetensors"))["tokens"]

# The other direction first: PyTorch's own tied weights (both names in its state dict), for C# to load strictly.
torch.manual_seed(7)
own = GPT().eval()
with torch.no_grad():
    m.save_safetensors(own.state_dict(), os.path.join(folder, "pytorch_weights.safetensors"))
    m.save_safetensors({"logits": own(tokens)}, os.path.join(folder, "pytorch_own.safetensors"))

net = GPT()
print(sum(p.numel() for p in net.parameters()))
net.load_state_dict(m.load_safetensors(os.path.join(folder, "weights.safetensors")), strict=True)
net.eval()
assert net.lm_head.weight is net.wte.weight
with torch.no_grad():
    logits = net(tokens)
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), tokens[:, 1:].reshape(-1))
m.save_safetensors({"logits": logits, "loss": loss}, os.path.join(folder, "pytorch.safetensors"))
""";

    private readonly ITestOutputHelper output;

    public TinyGptTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void A_gpt_written_as_gpt2_reads_has_its_parameters_and_computes_its_logits_and_next_token_loss()
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), TinyGpt.PyTorchSource);
        torch.manual_seed(11);
        using var model = new TinyGpt();
        model.eval();
        using var tokens = Windows(count: 3, length: 13, seed: 2);
        WeightFile.Write(folder.File("batch.safetensors"), new Dictionary<string, Tensor> { ["tokens"] = tokens });
        model.SaveWeights(folder.File("weights.safetensors"));
        Assert.Contains("h.1.mlp.c_proj.weight", model.state_dict().Keys);
        Assert.Contains("lm_head.weight", model.state_dict().Keys);   // the tied table under both names, as in PyTorch

        long parameters = model.parameters().Sum(p => p.numel());
        long reference = long.Parse(PythonTorch.Run(Script, folder.Path).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(reference, parameters);
        Assert.Equal(TinyGpt.Info.TrainableParameters, parameters);

        using var _ = no_grad();
        using var step = ((ITrainableModel)model).Step(new Dictionary<string, Tensor> { ["tokens"] = tokens });
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double logitError = Error(step.Outputs["logits"], theirs["logits"]);
        double lossError = Error(step.Losses.Total, theirs["loss"]);
        output.WriteLine(FormattableString.Invariant($"TinyGpt: {parameters:N0} parameters (PyTorch {reference:N0}); logits differ by {logitError:E2}, the next-token loss by {lossError:E2}"));
        Assert.True(logitError <= Tolerance, $"logits differ by {logitError:E2}");
        Assert.True(lossError <= Tolerance, $"the loss differs by {lossError:E2}");

        // PyTorch's own tied weights load strictly into a fresh model, which then computes PyTorch's logits and is still tied.
        torch.manual_seed(12);
        using var loaded = new TinyGpt();
        loaded.eval();
        loaded.LoadWeights(folder.File("pytorch_weights.safetensors"), strict: true);
        using var theirOwn = WeightFile.Read(folder.File("pytorch_own.safetensors"));
        double loadedError = Error(loaded.Forward(tokens).Logits, theirOwn["logits"]);
        output.WriteLine(FormattableString.Invariant($"PyTorch's tied weights in C#: logits differ by {loadedError:E2}"));
        Assert.True(loadedError <= Tolerance, $"logits from PyTorch's weights differ by {loadedError:E2}");
        Assert.Equal(parameters, loaded.parameters().Sum(p => p.numel()));
        Assert.Equal(0, (loaded.state_dict()["lm_head.weight"] - loaded.state_dict()["wte.weight"]).abs().max().item<float>());
    }

    [Fact]
    public void The_head_and_the_token_table_are_one_parameter_that_one_optimizer_step_moves_once()
    {
        torch.manual_seed(5);
        using var model = new TinyGpt();
        var tied = model.named_parameters().Where(p => p.name is "wte.weight" or "lm_head.weight").ToList();
        Assert.Equal("wte.weight", Assert.Single(tied).name);

        using var tokens = Windows(count: 4, length: 16, seed: 3);
        using var before = model.state_dict()["wte.weight"].clone();
        using var optimizer = optim.SGD(model.parameters(), 0.5);
        optimizer.zero_grad();
        using (var step = ((ITrainableModel)model).Step(new Dictionary<string, Tensor> { ["tokens"] = tokens }))
        {
            step.Losses.Total.backward();
        }

        // SGD moves the table by lr * grad exactly once; the gradient sums the embedding's and the head's contributions.
        using var gradient = model.state_dict()["wte.weight"].grad!.clone();
        optimizer.step();
        using var moved = model.state_dict()["wte.weight"] - before;
        Assert.True((moved + (0.5 * gradient)).abs().max().item<float>() < 1e-6f, "the tied table should move by -lr * grad once");
        Assert.True(gradient[TinyGpt.Alphabet.IndexOf('z')].abs().sum().item<float>() > 0, "a token never read still gets the head's gradient");
        Assert.Equal(0, (model.state_dict()["lm_head.weight"] - model.state_dict()["wte.weight"]).abs().max().item<float>());
    }

    [Fact]
    public void A_few_hundred_steps_on_a_short_text_lower_the_loss_and_greedy_generation_continues_the_text()
    {
        torch.manual_seed(5);
        using var model = new TinyGpt();
        using var data = new TensorDataset(new Dictionary<string, Tensor> { ["tokens"] = Windows(count: 640, length: TinyGpt.MaxLength, seed: 1) });
        var history = Trainer.Fit(model, data, null, new TrainingOptions
        {
            Epochs = 10, BatchSize = 32, Seed = 3, Optimizer = OptimizerSpec.Adam(lr: 3e-3), Verbose = TrainingVerbosity.Silent,
        });

        // 10 epochs of 20 steps: 200 optimizer steps, on windows as long as the position table (every position is trained).
        double first = history.Epochs[0].Train.Total, last = history.Epochs[^1].Train.Total;
        output.WriteLine(FormattableString.Invariant($"next-token loss: epoch 1 {first:F3}, epoch 10 {last:F3}"));
        Assert.True(last < first / 3, $"the loss should fall well below a third of the first epoch's: {first:F3} -> {last:F3}");

        const string prompt = "the cat sat ";
        string generated = Generate(model, prompt, 19);
        output.WriteLine($"'{prompt}' -> '{generated}'");
        Assert.Equal("on the mat. the cat", generated);
    }

    /// <summary>Greedy decoding: the arg max of the last position's logits, appended, <paramref name="count"/> times.</summary>
    private static string Generate(TinyGpt model, string prompt, int count)
    {
        model.eval();
        using var _ = no_grad();
        var context = prompt.Select(c => (long)TinyGpt.Alphabet.IndexOf(c)).ToList();
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            var logits = model.Forward(tensor(context.ToArray()).unsqueeze(0)).Logits;   // [1, T, 28]: a symbolic T
            context.Add(logits[0, -1].argmax().item<long>());
        }

        return new string(context.Skip(prompt.Length).Select(t => TinyGpt.Alphabet[(int)t]).ToArray());
    }

    /// <summary><paramref name="count"/> windows of the repeated sentence at random offsets, as character indices.</summary>
    private static Tensor Windows(int count, int length, int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Repeat(Sentence, 4));
        var ids = new long[count * length];
        for (int i = 0; i < count; i++)
        {
            int start = random.Next(Sentence.Length);
            for (int j = 0; j < length; j++)
            {
                ids[i * length + j] = TinyGpt.Alphabet.IndexOf(text[start + j]);
            }
        }

        return tensor(ids).reshape(count, length);
    }

    /// <summary>max |a - b| relative to the larger of 1 and the reference's largest magnitude.</summary>
    private static double Error(Tensor ours, Tensor reference)
    {
        Assert.Equal(reference.shape, ours.shape);
        double scale = Math.Max(1, reference.abs().max().item<float>());
        return (ours.to_type(ScalarType.Float64) - reference.to_type(ScalarType.Float64)).abs().max().item<double>() / scale;
    }
}
