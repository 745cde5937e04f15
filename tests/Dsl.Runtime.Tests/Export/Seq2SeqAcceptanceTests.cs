using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// Issue #24's GRU encoder-decoder (<see cref="GruSeq2Seq"/>) against PyTorch 1.13's seq2seq tutorial, written out as
/// the tutorial reads (EncoderRNN, DecoderRNN decoding one step at a time with teacher forcing, NLLLoss): the same
/// parameter count, the C# weights loaded strictly into it by name, the same log-probabilities, decoder state and loss;
/// the generated PyTorch module too; and one Trainer step that reaches the encoder only through the decoder's initial state.
/// </summary>
[Collection(Training.TrainingCollection.Name)]
public sealed class Seq2SeqAcceptanceTests
{
    private const double Tolerance = 1e-5;
    private const long Sos = 0;

    /// <summary>The tutorial's modules; the DSL's layer names are theirs with the first '_' a '.' (encoder_gru: encoder.gru).</summary>
    private const string Script = PyTorchParityTests.Prelude + """
import torch.nn as nn
import torch.nn.functional as F

class EncoderRNN(nn.Module):
    def __init__(self, input_size, hidden_size, dropout_p=0.1):
        super(EncoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size, batch_first=True)
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, input):
        embedded = self.dropout(self.embedding(input))
        output, hidden = self.gru(embedded)
        return output, hidden

class DecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size):
        super(DecoderRNN, self).__init__()
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, output_size)

    def forward(self, encoder_outputs, encoder_hidden, target_tensor):
        batch_size = encoder_outputs.size(0)
        decoder_input = torch.empty(batch_size, 1, dtype=torch.long).fill_(SOS_token)
        decoder_hidden = encoder_hidden
        decoder_outputs = []
        for i in range(target_tensor.size(1)):
            decoder_output, decoder_hidden = self.forward_step(decoder_input, decoder_hidden)
            decoder_outputs.append(decoder_output)
            decoder_input = target_tensor[:, i].unsqueeze(1)  # teacher forcing
        decoder_outputs = torch.cat(decoder_outputs, dim=1)
        decoder_outputs = F.log_softmax(decoder_outputs, dim=-1)
        return decoder_outputs, decoder_hidden

    def forward_step(self, input, hidden):
        output = self.embedding(input)
        output = F.relu(output)
        output, hidden = self.gru(output, hidden)
        output = self.out(output)
        return output, hidden

class Seq2Seq(nn.Module):
    def __init__(self, vocabulary, hidden):
        super().__init__()
        self.encoder = EncoderRNN(vocabulary, hidden)
        self.decoder = DecoderRNN(hidden, vocabulary)

SOS_token = int(sys.argv[2])
reference = Seq2Seq(int(sys.argv[3]), int(sys.argv[4]))
weights = m.load_safetensors(os.path.join(folder, "weights.safetensors"))
reference.load_state_dict({name.replace("_", ".", 1): value for name, value in weights.items()}, strict=True)
reference.eval()
net.eval()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
criterion = nn.NLLLoss()
with torch.no_grad():
    encoder_outputs, encoder_hidden = reference.encoder(batch["source"])
    log_probs, hidden = reference.decoder(encoder_outputs, encoder_hidden, batch["target"])
    loss = criterion(log_probs.view(-1, log_probs.size(-1)), batch["target"].view(-1))
    outputs = net(batch["source"], batch["decoder_input"])
    total, terms = net.compute_loss(outputs, {"target": batch["target"]})
m.save_safetensors({
    "tutorial.log_probs": log_probs, "tutorial.hidden": hidden.transpose(0, 1).contiguous(), "tutorial.loss": loss,
    "export.log_probs": outputs["log_probs"], "export.hidden": outputs["hidden"], "export.loss": total,
}, os.path.join(folder, "pytorch.safetensors"))
print(sum(p.numel() for p in reference.parameters()))
""";

    private readonly ITestOutputHelper output;

    public Seq2SeqAcceptanceTests(ITestOutputHelper output) => this.output = output;

    /// <summary>Source sentences of 7 tokens and targets of 5 (no SOS in them), and the decoder's teacher-forced input: SOS, then the target shifted right.</summary>
    private static Dictionary<string, Tensor> Batch(int size, int seed)
    {
        var generator = torch.manual_seed(seed);
        var target = randint(1, GruSeq2Seq.Vocabulary, new long[] { size, 5 }, dtype: ScalarType.Int64, generator: generator);
        return new Dictionary<string, Tensor>
        {
            ["source"] = randint(1, GruSeq2Seq.Vocabulary, new long[] { size, 7 }, dtype: ScalarType.Int64, generator: generator),
            ["decoder_input"] = cat(new[] { full(new long[] { size, 1 }, Sos, dtype: ScalarType.Int64), target[.., ..^1] }, 1),
            ["target"] = target,
        };
    }

    [Fact]
    public void The_encoder_decoder_is_pytorchs_tutorial_model_and_its_export()
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), GruSeq2Seq.PyTorchSource);
        torch.manual_seed(17);
        using var model = new GruSeq2Seq();
        model.eval();
        var batch = Batch(4, seed: 3);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        model.SaveWeights(folder.File("weights.safetensors"));

        var ours = new Dictionary<string, Tensor>();
        using (var _ = no_grad())
        using (var step = ((ITrainableModel)model).Step(batch))
        {
            ours["log_probs"] = step.Outputs["log_probs"].clone();
            ours["hidden"] = step.Outputs["hidden"].clone();
            ours["loss"] = step.Losses.Total.clone();
        }

        string printed = PythonTorch.Run(Script, folder.Path, Sos.ToString(CultureInfo.InvariantCulture), GruSeq2Seq.Vocabulary.ToString(CultureInfo.InvariantCulture), GruSeq2Seq.Hidden.ToString(CultureInfo.InvariantCulture));

        // The tutorial's modules count what the DSL counted at compile time: 2 x (12 x 16) embeddings, 2 GRUs, 16 x 12 + 12.
        long theirCount = long.Parse(printed.Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(theirCount, GruSeq2Seq.Info.TotalParameters);
        Assert.Equal(theirCount, model.parameters().Sum(p => p.numel()));

        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double worst = 0;
        foreach (string side in new[] { "tutorial", "export" })
        {
            foreach (var (name, value) in ours)
            {
                var reference = theirs[$"{side}.{name}"];
                Assert.Equal(reference.shape, value.shape);
                double error = (value.to_type(ScalarType.Float64) - reference.to_type(ScalarType.Float64)).abs().max().item<double>() / Math.Max(1.0, reference.abs().max().item<float>());
                worst = Math.Max(worst, error);
                Assert.True(error <= Tolerance, $"{name}: C# differs from PyTorch's {side} by {error:E2}");
            }
        }

        output.WriteLine(FormattableString.Invariant($"GruSeq2Seq: {theirCount} parameters as the tutorial's; log-probs, decoder state and NLL loss within {worst:E2} of the tutorial and of the export"));
    }

    [Fact]
    public void One_trainer_step_trains_the_encoder_through_the_decoders_initial_state()
    {
        torch.manual_seed(5);
        using var model = new GruSeq2Seq();
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var batch = Batch(8, seed: 9);
        using var train = new TensorDataset(batch);

        var history = Trainer.Fit(model, train, null, new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 1, Shuffle = false, Optimizer = OptimizerSpec.Sgd(lr: 0.5) });

        double loss = history.Epochs[0].Train.Total;
        Assert.True(double.IsFinite(loss) && loss > 0, $"loss {loss}");
        // The encoder's GRU reaches the loss only through FinalState() -> initialState: SGD moved every one of its tensors.
        foreach (var (name, parameter) in model.named_parameters())
        {
            double change = (parameter.detach() - before[name]).abs().max().item<float>();
            Assert.True(change > 0, $"{name} did not change in the step");
        }

        output.WriteLine(FormattableString.Invariant($"one SGD step on 8 pairs: train loss {loss:F4}, every one of {before.Count} tensors moved"));
    }
}
