using System.Collections.Generic;
using Dsl.Metadata;
using Dsl.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// A hand-written stand-in for a generated model: <c>x [B, 2] -> Linear(hidden) -> ReLU -> Dropout -> Linear(classes)</c>
/// with a cross-entropy term <c>label</c>, optionally masked by the column <c>mask</c>.
/// </summary>
internal sealed class TinyClassifier : nn.Module, ITrainableModel
{
    private readonly Linear fc1;
    private readonly Dropout drop;
    private readonly Linear fc2;
    private readonly bool _masked;

    public TinyClassifier(int hidden = 16, int classes = 4, double dropout = 0.2, bool masked = false)
        : base(nameof(TinyClassifier))
    {
        fc1 = nn.Linear(2, hidden);
        drop = nn.Dropout(dropout);
        fc2 = nn.Linear(hidden, classes);
        _masked = masked;
        register_module("fc1", fc1);
        register_module("drop", drop);
        register_module("fc2", fc2);
        ModelInfo = new ModelInfo(
            nameof(TinyClassifier),
            new[] { new TensorInfo("x", "[B, 2]", "float32") },
            new[] { new TensorInfo("logits", $"[B, {classes}]", "float32") },
            System.Array.Empty<LayerInfo>())
        {
            Losses = new[] { new LossInfo("label", "CrossEntropy", 1.0, "logits", "label", masked ? "mask" : null, IsClassification: true) },
        };
    }

    /// <summary>Creates the model with weights drawn after seeding torch with <paramref name="seed"/>.</summary>
    public static TinyClassifier Create(long seed, int hidden = 16, bool masked = false)
    {
        random.manual_seed(seed);
        return new TinyClassifier(hidden, masked: masked);
    }

    public ModelInfo ModelInfo { get; }

    public IReadOnlyDictionary<string, Tensor> Infer(IReadOnlyDictionary<string, Tensor> batch) =>
        new Dictionary<string, Tensor> { ["logits"] = Logits(batch) };

    public StepResult Step(IReadOnlyDictionary<string, Tensor> batch)
    {
        var logits = Logits(batch);
        Tensor loss;
        if (_masked)
        {
            var mask = batch["mask"];
            var perSample = nn.functional.cross_entropy(logits, batch["label"], reduction: nn.Reduction.None);
            loss = (perSample * mask).sum() / mask.sum().clamp_min(1);
        }
        else
        {
            loss = nn.functional.cross_entropy(logits, batch["label"]);
        }

        var outputs = new Dictionary<string, Tensor> { ["logits"] = logits };
        return new StepResult(outputs, new TestLosses(loss, new[] { new LossValue("label", loss, 1.0) }));
    }

    private Tensor Logits(IReadOnlyDictionary<string, Tensor> batch) => fc2.call(drop.call(nn.functional.relu(fc1.call(batch["x"]))));
}

/// <summary>An <see cref="ILosses"/> over given tensors.</summary>
internal sealed class TestLosses : ILosses
{
    public TestLosses(Tensor total, IReadOnlyList<LossValue> terms)
    {
        Total = total;
        Terms = terms;
    }

    public Tensor Total { get; }

    public IReadOnlyList<LossValue> Terms { get; }

    public void Dispose()
    {
        Total.Dispose();
        foreach (var term in Terms)
        {
            term.Value.Dispose();
        }
    }
}
