using System.Linq;
using Dsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Composition;

/// <summary>Two views projected by one shared block (the same Linear applied twice).</summary>
[Model]
public partial class TwoViews
{
    static void Define(Graph g)
    {
        var project = g.Block("proj", x => x.Linear(16).Relu());
        var left = project.Apply(g.Input("left", 8));
        var right = project.Apply(g.Input("right", 8));
        g.Output("similarity", Ops.CosineSimilarity(left, right));
    }
}

public class SharedBlockTests
{
    [Fact]
    public void A_block_applied_twice_owns_one_set_of_weights()
    {
        using var model = new TwoViews();
        Assert.Equal(new[] { "proj_linear_1.weight", "proj_linear_1.bias" }, model.named_parameters().Select(p => p.name));
        Assert.Equal(8 * 16 + 16, TwoViews.Info.TrainableParameters);

        using var x = torch.rand(3, 8);
        using var outputs = model.Forward(x, x);
        Assert.True(outputs.Similarity.allclose(torch.ones(3, 1), atol: 1e-5), "the same input through the same weights must give cosine 1");
    }
}
