using System;
using System.Collections.Generic;
using System.Linq;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Composition;

/// <summary>
/// Seed 003: one tower used once and applied to both images. The two branches hold the same parameter objects,
/// the gradient is the sum of both branches' gradients (checked against a hand-built TorchSharp computation),
/// and one optimizer step updates the shared weights once.
/// </summary>
[Collection(Training.TrainingCollection.Name)]
public class WeightSharingTests
{
    private static (Tensor Left, Tensor Right, Tensor Same) Pairs()
    {
        var generator = new Generator(7);
        return (torch.rand(new long[] { 6, 1, 56, 46 }, generator: generator),
                torch.rand(new long[] { 6, 1, 56, 46 }, generator: generator),
                torch.tensor(new float[] { 1, 0, 1, 0, 0, 1 }).reshape(6, 1));
    }

    [Fact]
    public void Both_branches_use_the_same_parameter_objects_and_the_model_counts_them_once()
    {
        using var model = new SiameseNet();
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.All(names, n => Assert.StartsWith("tower.", n, StringComparison.Ordinal));
        Assert.Equal(191_618L, model.parameters().Sum(p => p.numel()));
        Assert.Equal(191_618L, SiameseNet.Info.TrainableParameters);
        Assert.Equal(
            model.Tower.parameters().Select(p => p.Handle),
            model.parameters().Select(p => p.Handle));
    }

    [Fact]
    public void The_gradient_is_the_sum_of_both_branches_and_matches_a_hand_built_computation()
    {
        torch.manual_seed(11);
        using var model = new SiameseNet();
        model.eval();   // no dropout, so the hand-built computation sees the same function
        var (left, right, same) = Pairs();

        using (var outputs = model.Forward(left, right))
        using (var losses = model.ComputeLoss(outputs, new SiameseNet.Targets(same)))
        {
            losses.Total.backward();
        }

        var generated = model.Tower.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());

        // By hand: the same tower, run separately on each branch; each branch's gradient with the other branch detached.
        using var reference = new SiameseTower();
        reference.load_state_dict(model.Tower.state_dict());
        reference.eval();
        Dictionary<string, Tensor> Gradient(bool leftTrains, bool rightTrains)
        {
            reference.zero_grad();
            var a = reference.Forward(left).Embedding;
            var b = reference.Forward(right).Embedding;
            a = leftTrains ? a : a.detach();
            b = rightTrains ? b : b.detach();
            var distance = (a - b).square().sum(1, keepdim: true).clamp_min(1e-12).sqrt();
            var loss = (same * distance.square() + (1 - same) * (1.0 - distance).clamp_min(0).square()).mean();
            loss.backward();
            return reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        }

        var both = Gradient(leftTrains: true, rightTrains: true);
        var leftBranch = Gradient(leftTrains: true, rightTrains: false);
        var rightBranch = Gradient(leftTrains: false, rightTrains: true);

        foreach (var (name, gradient) in generated)
        {
            // Float32 sums in another order differ in the last bits: compare relative to the gradient's norm.
            // (This needs oneDNN's exact kernels, see ConvolutionSelfCheck: its AVX2 kernels are wrong on some hosts.)
            double scale = gradient.norm().item<float>();
            Assert.True((gradient - both[name]).norm().item<float>() <= 1e-4 * scale + 1e-7, $"gradient of {name} differs from the hand-built computation: {(gradient - both[name]).norm().item<float>()} vs norm {scale}, left+right differs by {(gradient - leftBranch[name] - rightBranch[name]).norm().item<float>()}");
            var sum = leftBranch[name] + rightBranch[name];
            Assert.True((gradient - sum).norm().item<float>() <= 1e-3 * scale + 1e-7, $"gradient of {name} is not the sum of the two branches");
            Assert.True(leftBranch[name].abs().sum().item<float>() > 0 && rightBranch[name].abs().sum().item<float>() > 0, $"both branches reach {name}");
        }
    }

    [Fact]
    public void One_optimizer_step_changes_the_shared_weights_once()
    {
        torch.manual_seed(5);
        using var model = new SiameseNet();
        model.eval();
        var (left, right, same) = Pairs();
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        using var sgd = torch.optim.SGD(model.parameters(), 0.1);

        using (var outputs = model.Forward(left, right))
        using (var losses = model.ComputeLoss(outputs, new SiameseNet.Targets(same)))
        {
            losses.Total.backward();
        }

        var gradients = model.parameters().Select(p => p.grad!.clone()).ToList();
        sgd.step();

        var after = model.parameters().ToList();
        for (int i = 0; i < after.Count; i++)
        {
            using var expected = before[i] - (0.1 * gradients[i]);
            Assert.True(after[i].allclose(expected, rtol: 1e-5, atol: 1e-7), "a shared weight must move by one step of its summed gradient");
        }

        Assert.Contains(Enumerable.Range(0, after.Count), i => !after[i].allclose(before[i]));
    }
}
