using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// <see cref="SequenceLossNet"/>'s loss terms and gradients against PyTorch 1.13 (python3-torch): against the generated
/// PyTorch module's <c>compute_loss</c>, and against PyTorch's own functions written out by hand
/// (<c>F.cross_entropy(logits.transpose(1, 2), labels, ignore_index=-100)</c>, the weighted means of the masks).
/// </summary>
public sealed class SequenceLossParityTests
{
    private const double Tolerance = 1e-5;

    /// <summary>Loads the module with the C# weights, computes the terms by the export and by hand, and both gradients.</summary>
    private const string Script = PyTorchParityTests.Prelude + """
import torch.nn.functional as F
net.train()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
params = [p for _, p in net.named_parameters()]
names = [n for n, _ in net.named_parameters()]
outputs = net(batch["tokens"])
total, terms = net.compute_loss(outputs, {name: batch[name] for name in net.target_names})
export_grads = torch.autograd.grad(total, params, retain_graph=True)

logits = outputs["logits"]
tokens = batch["tokens"]
labels = F.cross_entropy(logits.transpose(1, 2), batch["labels"], ignore_index=-100)
positions = batch["positions"]
masked = (F.cross_entropy(logits.transpose(1, 2), batch["masked"], label_smoothing=0.1, reduction="none") * positions).sum() / positions.sum()
next_token = F.cross_entropy(logits[:, :-1].transpose(1, 2), tokens[:, 1:])
targets = batch["log_likelihood"]
per_position = F.nll_loss(F.log_softmax(logits, -1).transpose(1, 2), targets, ignore_index=0, reduction="none")
weights = batch["samples"][:, None] * (targets != 0)
log_likelihood = (per_position * weights).sum() / weights.sum()
reference = labels + masked + 0.5 * next_token + log_likelihood
reference_grads = torch.autograd.grad(reference, params)

result = {"export.total": total.detach(), "reference.total": reference.detach(),
          "reference.labels": labels.detach(), "reference.masked": masked.detach(),
          "reference.next_token": next_token.detach(), "reference.log_likelihood": log_likelihood.detach()}
result.update({"export." + name: value.detach() for name, value in terms.items()})
result.update({"export_grad." + name: g for name, g in zip(names, export_grads)})
result.update({"reference_grad." + name: g for name, g in zip(names, reference_grads)})
m.save_safetensors(result, os.path.join(folder, "pytorch.safetensors"))
""";

    private readonly ITestOutputHelper output;

    public SequenceLossParityTests(ITestOutputHelper output) => this.output = output;

    /// <summary>A batch of 4 sequences with ignored labels, fractional per-position weights, a dropped sample and padding.</summary>
    internal static Dictionary<string, Tensor> Batch()
    {
        var generator = new Random(7);
        Tensor Ints(int low, int high) => tensor(Enumerable.Range(0, 24).Select(_ => (long)generator.Next(low, high)).ToArray(), new long[] { 4, 6 });
        var labels = Ints(0, 11);
        foreach (var (row, column) in new[] { (0, 0), (1, 3), (1, 4), (3, 5) })
        {
            labels[row, column] = tensor(-100L);
        }

        float[] choices = { 0f, 0.25f, 0.5f, 1f };
        var positions = tensor(Enumerable.Range(0, 24).Select(_ => choices[generator.Next(4)]).ToArray(), new long[] { 4, 6 });
        positions[0, 1] = tensor(0.25f); // at least one position counts
        var nll = Ints(0, 11);
        nll[2, 0] = tensor(0L);          // padding, ignored
        nll[2, 1] = tensor(0L);
        return new Dictionary<string, Tensor>
        {
            ["tokens"] = Ints(0, 11),
            ["labels"] = labels,
            ["masked"] = Ints(0, 11),
            ["positions"] = positions,
            ["log_likelihood"] = nll,
            ["samples"] = tensor(new[] { 1f, 0.25f, 0.5f, 0f }),
        };
    }

    [Fact]
    public void Sequence_losses_and_their_gradients_equal_pytorch_and_the_export()
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), SequenceLossNet.PyTorchSource);
        torch.manual_seed(21);
        using var model = new SequenceLossNet();
        var batch = Batch();
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        model.SaveWeights(folder.File("weights.safetensors"));
        model.train();
        var terms = new Dictionary<string, Tensor>();
        using (var step = ((ITrainableModel)model).Step(batch))
        {
            step.Losses.Total.backward();
            terms["total"] = step.Losses.Total.detach().clone();
            foreach (var term in step.Losses.Terms)
            {
                terms[term.Name] = term.Value.detach().clone();
            }

            // The metrics read the sequence's class axis and leave ignored labels out (4 of 24), and the NLL term's
            // prediction, which is no output, reaches them too: the positions of the samples weighted above 0.5, less padding.
            var counts = BatchStatistics.Compute(SequenceLossNet.Info, step, batch).Classification;
            Assert.Equal(4 * 6 - 4, counts.Single(c => c.Name == "labels").Counted);
            long kept = batch["samples"].gt(0.5f).unsqueeze(1).logical_and(batch["log_likelihood"].ne(0L)).sum().item<long>();
            Assert.True(kept > 0);
            Assert.Equal(kept, counts.Single(c => c.Name == "log_likelihood").Counted);
        }

        var gradients = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        PythonTorch.Run(Script, folder.Path);
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));

        double worst = 0;
        foreach (var (name, value) in terms)
        {
            foreach (string side in new[] { "export", "reference" })
            {
                double error = Error(value, theirs[$"{side}.{name}"]);
                worst = Math.Max(worst, error);
                Assert.True(error <= Tolerance, $"term {name}: C# {value.item<float>()} differs from the {side} {theirs[$"{side}.{name}"].item<float>()} by {error:E2}");
            }
        }

        foreach (var (name, gradient) in gradients)
        {
            foreach (string side in new[] { "export_grad", "reference_grad" })
            {
                double error = Error(gradient, theirs[$"{side}.{name}"]);
                worst = Math.Max(worst, error);
                Assert.True(error <= Tolerance, $"gradient of {name} differs from the {side} by {error:E2}");
            }
        }

        output.WriteLine(FormattableString.Invariant($"SequenceLossNet: {terms.Count} terms, {gradients.Count} gradients; max error {worst:E2} (relative to the larger of 1 and the reference's magnitude)"));
    }

    /// <summary>max |a - b| relative to the larger of 1 and the reference's largest magnitude.</summary>
    private static double Error(Tensor ours, Tensor reference)
    {
        Assert.Equal(reference.shape, ours.shape);
        var a = ours.to_type(ScalarType.Float64);
        var b = reference.to_type(ScalarType.Float64);
        return (a - b).abs().max().item<double>() / Math.Max(1.0, b.abs().max().item<double>());
    }
}
