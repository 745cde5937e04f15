using System.Linq;
using Dsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Composition;

/// <summary>The siamese / NLI encoder: one shared block (Embedding, Lstm, Mean, Linear) over a premise and a hypothesis of other lengths.</summary>
[Model]
public partial class SharedEncoderNli
{
    static void Define(Graph g)
    {
        var encoder = g.Block("encoder", x => x.Embedding(50, 8).Lstm(12).Mean(1).Linear(6).Relu());
        var p = encoder.Apply(g.Input("premise", DType.Int64, Dim.Of("T")));
        var h = encoder.Apply(g.Input("hypothesis", DType.Int64, Dim.Of("S")));
        var logits = Ops.Concat(1, p, h, p * h).Linear(3);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}

public class SharedEncoderLengthsTests
{
    [Fact]
    public void One_encoder_reads_sequences_of_different_lengths_and_its_weights_get_gradients_from_both()
    {
        random.manual_seed(5);
        using var model = new SharedEncoderNli();
        Assert.Single(model.named_parameters(), p => p.name.StartsWith("encoder_embedding_1", System.StringComparison.Ordinal));

        using var premise = torch.randint(0, 50, new long[] { 2, 5 }, dtype: ScalarType.Int64);
        using var hypothesis = torch.randint(0, 50, new long[] { 2, 9 }, dtype: ScalarType.Int64);
        using var outputs = model.Forward(premise, hypothesis);
        Assert.Equal(new long[] { 2, 3 }, outputs.Logits.shape);

        using var swapped = model.Forward(hypothesis, premise);
        Assert.False(outputs.Logits.allclose(swapped.Logits), "premise and hypothesis must play different roles in the head");

        using var losses = model.ComputeLoss(outputs, new SharedEncoderNli.Targets(torch.tensor(new long[] { 0, 2 })));
        losses.Total.backward();
        var embedding = model.named_parameters().Single(p => p.name == "encoder_embedding_1.weight").parameter;
        Assert.True(embedding.grad is not null && embedding.grad.abs().sum().item<float>() > 0, "the shared embedding gets no gradient");
    }
}
