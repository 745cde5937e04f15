using System;
using System.Linq;
using Dsl;
using Dsl.Training;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>A classifier whose only loss term has weight 0.5: the single-term total must still be weighted.</summary>
[Model]
public partial class HalfWeightedClassifier
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 4);
        var logits = x.Linear(3, name: "head");
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy(), weight: 0.5);
    }
}

/// <summary>
/// A model with one loss term of weight 0.5: the total is 0.5 times the term, in <c>ComputeLoss</c> and in the
/// trainer's step. Kills the mutant that shortcuts a single term to <c>total = term</c> and drops its weight.
/// </summary>
public sealed class SingleWeightedTermTests
{
    [Fact]
    public void The_total_of_a_single_term_is_the_term_times_its_weight()
    {
        using var model = new HalfWeightedClassifier();
        using var logits = torch.tensor(new float[] { 2, 0, -1, 0, 1, 3 }, new long[] { 2, 3 });
        using var labels = torch.tensor(new long[] { 0, 2 });

        using var losses = model.ComputeLoss(new HalfWeightedClassifier.Outputs(logits), new HalfWeightedClassifier.Targets(labels));

        double term = (LogSumExp(2, 0, -1) - 2 + LogSumExp(0, 1, 3) - 3) / 2;
        Assert.Equal(term, losses.Label.item<float>(), 5);
        Assert.Equal(0.5 * term, losses.Total.item<float>(), 5);
        Assert.Equal(("label", 0.5), losses.Terms.Select(t => (t.Name, t.Weight)).Single());
        Assert.Equal(0.5, HalfWeightedClassifier.Info.Losses.Single().Weight);
    }

    [Fact]
    public void The_trainer_minimizes_the_weighted_total()
    {
        torch.manual_seed(7);
        using var model = new HalfWeightedClassifier();
        using var x = torch.rand(5, 4, generator: new torch.Generator(7));
        using var labels = torch.tensor(new long[] { 0, 1, 2, 1, 0 });

        using var step = ((ITrainableModel)model).Step(new System.Collections.Generic.Dictionary<string, torch.Tensor> { ["x"] = x, ["label"] = labels });

        Assert.Equal(0.5 * step.Losses.Terms.Single().Value.item<float>(), step.Losses.Total.item<float>(), 6);
    }

    private static double LogSumExp(params double[] values) => Math.Log(values.Sum(Math.Exp));
}
