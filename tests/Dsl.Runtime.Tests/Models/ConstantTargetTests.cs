using System;
using System.Collections.Generic;
using System.Linq;
using Dsl;
using Dsl.Data;
using Dsl.Runtime.Tests.Training;
using Dsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// Losses against constant targets: a GAN critic's "real" label on logits, a code pulled to zero, a regression to a
/// constant and a masked probability pushed towards 0.9. Only the mask is a target column.
/// </summary>
[Model]
[PyTorchParity]
public partial class ConstantTargetNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 4);
        var critic = x.Linear(1, name: "critic");
        var code = x.Linear(3, name: "code");
        var gate = x.Linear(2, name: "gate").Sigmoid();
        g.Output("critic", critic);
        g.Output("code", code);
        g.Output("gate", gate);
        g.Loss("real", critic, Loss.BinaryCrossEntropyWithLogits(target: 1.0));
        g.Loss("small", code, Loss.Mse(target: 0.0), weight: 0.5);
        g.Loss("centred", code, Loss.Mae(target: 0.25));
        g.Loss("open", gate, Loss.BinaryCrossEntropy(target: 0.9)).MaskedBy("keep");
    }
}

/// <summary>Each constant-target term against its formula computed by hand, and in the trainer.</summary>
[Collection(TrainingCollection.Name)]
public sealed class ConstantTargetTests
{
    private static double Softplus(double v) => Math.Log(1 + Math.Exp(v));

    private static double[,] Values(Tensor t)
    {
        var data = t.detach().to_type(ScalarType.Float64).data<double>().ToArray();
        int columns = (int)t.shape[1];
        var result = new double[t.shape[0], columns];
        for (int i = 0; i < data.Length; i++)
        {
            result[i / columns, i % columns] = data[i];
        }

        return result;
    }

    [Fact]
    public void Only_the_mask_is_a_target_column()
    {
        Assert.Equal(new[] { "keep" }, ConstantTargetNet.Info.Targets.Select(t => t.Name));
        Assert.All(ConstantTargetNet.Info.Losses, l => Assert.Null(l.Target));
    }

    [Fact]
    public void Every_term_equals_its_formula()
    {
        torch.manual_seed(11);
        using var model = new ConstantTargetNet();
        using var x = randn(5, 4);
        using var keep = tensor(new float[] { 1, 0, 1, 1, 0 });
        using var outputs = model.Forward(x);
        using var losses = model.ComputeLoss(outputs, new ConstantTargetNet.Targets(keep));

        var critic = Values(outputs.Critic);
        var code = Values(outputs.Code);
        var gate = Values(outputs.Gate);
        double real = Enumerable.Range(0, 5).Average(i => Softplus(-critic[i, 0]));
        double small = code.Cast<double>().Average(v => v * v);
        double centred = code.Cast<double>().Average(v => Math.Abs(v - 0.25));
        float[] k = { 1, 0, 1, 1, 0 };
        double Bce(double p) => -(0.9 * Math.Log(p) + 0.1 * Math.Log(1 - p));
        double open = Enumerable.Range(0, 5).Sum(i => k[i] * (Bce(gate[i, 0]) + Bce(gate[i, 1]))) / (2 * k.Sum());

        Assert.Equal(real, losses.Real.item<float>(), 5);
        Assert.Equal(small, losses.Small.item<float>(), 5);
        Assert.Equal(centred, losses.Centred.item<float>(), 5);
        Assert.Equal(open, losses.Open.item<float>(), 5);
        Assert.Equal(real + (0.5 * small) + centred + open, losses.Total.item<float>(), 4);
    }

    [Fact]
    public void The_trainer_pulls_the_outputs_to_the_constants()
    {
        torch.manual_seed(5);
        using var model = new ConstantTargetNet();
        using var data = new TensorDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(64, 4),
            ["keep"] = ones(64),
        });
        var options = new TrainingOptions { Epochs = 30, BatchSize = 16, Seed = 3, Optimizer = OptimizerSpec.Adam(lr: 0.05) };

        var before = Trainer.Evaluate(model, data);
        Trainer.Fit(model, data, null, options);
        var after = Trainer.Evaluate(model, data);

        Assert.True(after.Total < before.Total * 0.5, $"total {before.Total} -> {after.Total}");
        using var outputs = model.Forward(data.Columns["x"]);
        Assert.True(outputs.Critic.mean().item<float>() > 1.0f, "the critic learns to say 'real'");
    }
}
