using System;
using System.Linq;
using Dsl.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Weight decay on every optimizer, AdamW's decoupled decay, and per-group learning rates.</summary>
[Collection(TrainingCollection.Name)]
public sealed class OptimizerGroupTests
{
    [Fact]
    public void AdamW_decays_weights_decoupled_from_the_gradient()
    {
        // A zero gradient: Adam's update is 0, so only the decoupled decay moves the weight, by lr * wd of it.
        using var weight = new Parameter(tensor(new float[] { 2.0f, -4.0f }));
        using var optimizer = OptimizerSpec.AdamW(lr: 0.1, weightDecay: 0.5).Create(new[] { weight });
        weight.grad = zeros(2);
        optimizer.step();
        Assert.Equal(new[] { 2.0f * 0.95f, -4.0f * 0.95f }, weight.data<float>().ToArray());
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    [InlineData("adadelta")]
    public void Weight_decay_moves_weights_on_every_optimizer_and_zero_keeps_them(string kind)
    {
        OptimizerSpec Spec(double wd) => kind switch
        {
            "sgd" => OptimizerSpec.Sgd(lr: 0.1, weightDecay: wd),
            "adam" => OptimizerSpec.Adam(lr: 0.1, weightDecay: wd),
            "rmsprop" => OptimizerSpec.RmsProp(lr: 0.1, weightDecay: wd),
            _ => OptimizerSpec.Adadelta(lr: 1.0, weightDecay: wd),
        };

        float After(double wd)
        {
            using var weight = new Parameter(tensor(new float[] { 3.0f }));
            using var optimizer = Spec(wd).Create(new[] { weight });
            weight.grad = zeros(1);
            optimizer.step();
            return weight.data<float>()[0];
        }

        Assert.Equal(3.0f, After(0.0));
        Assert.True(After(0.1) < 3.0f, $"{kind} with weight decay 0.1 should shrink the weight 3.0, got {After(0.1)}");
        Assert.Contains("weight_decay=0.1", Spec(0.1).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_at_learning_rate_zero_keeps_its_submodule_while_the_rest_trains()
    {
        using var train = SyntheticData.Blobs(128, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var before = Weights.Copy(model);
        var spec = OptimizerSpec.AdamW(lr: 0.01).WithGroup("fc1", learningRate: 0.0);
        var history = Trainer.Fit(model, train, null, new TrainingOptions { Epochs = 1, BatchSize = 32, Optimizer = spec });

        var after = model.state_dict();
        Assert.True(Weights.Identical(after["fc1.weight"], before["fc1.weight"]), "fc1 (learning rate 0) changed");
        Assert.False(Weights.Identical(after["fc2.weight"], before["fc2.weight"]), "fc2 (the default group) did not train");
        Assert.Equal(new[] { "fc1", "default" }, history.Epochs[0].LearningRates.Keys.ToArray());
        Assert.Equal(0.0, history.Epochs[0].Scalars()["lr/fc1"]);
        Assert.Equal(0.01, history.Epochs[0].Scalars()["lr/default"]);
    }

    [Fact]
    public void A_group_that_selects_nothing_names_the_model_parts()
    {
        using var model = TinyClassifier.Create(seed: 3);
        var e = Assert.Throws<ArgumentException>(() => OptimizerSpec.Adam().WithGroup("encoder", 1e-4).Create(model));
        Assert.Contains("'encoder' selects no trainable parameter", e.Message, StringComparison.Ordinal);
        Assert.Contains("[fc1, fc2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_selects_whole_name_segments_only()
    {
        var group = new ParameterGroup("tower", 0.1);
        Assert.True(group.Selects("tower.conv2d_1.weight"));
        Assert.True(group.Selects("tower"));
        Assert.False(group.Selects("tower2.weight"));
    }
}
