using System;
using System.Linq;
using Dsl.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class OptimizerSpecTests
{
    public static TheoryData<string> Specs() => new() { "adam", "sgd", "adadelta", "rmsprop" };

    private static OptimizerSpec Spec(string name) => name switch
    {
        "adam" => OptimizerSpec.Adam(lr: 1e-3),
        "sgd" => OptimizerSpec.Sgd(lr: 0.01, momentum: 0.9, nesterov: true),
        "adadelta" => OptimizerSpec.Adadelta(lr: 1.0, rho: 0.95, eps: 1e-7),
        _ => OptimizerSpec.RmsProp(lr: 1e-3, rho: 0.9, eps: 1e-7),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Each_spec_creates_its_TorchSharp_optimizer_and_one_step_changes_the_weights(string name)
    {
        using var model = TinyClassifier.Create(seed: 1);
        using var data = SyntheticData.Blobs(16, seed: 2);
        using var optimizer = Spec(name).Create(model);
        var before = Weights.Copy(model);

        using (var scope = NewDisposeScope())
        {
            using var result = model.Step(data.GetBatch(Enumerable.Range(0, 16).Select(i => (long)i).ToArray()));
            result.Losses.Total.backward();
            optimizer.step();
        }

        var group = Assert.IsAssignableFrom<ParamGroup>(optimizer.ParamGroups.Single());
        switch (name)
        {
            case "adam":
                Assert.IsType<Adam>(optimizer);
                Assert.Equal(1e-7, ((Adam.Options)group.Options).eps);
                Assert.Equal(0.999, ((Adam.Options)group.Options).beta2);
                break;
            case "sgd":
                Assert.IsType<SGD>(optimizer);
                Assert.Equal(0.9, ((SGD.Options)group.Options).momentum);
                Assert.True(((SGD.Options)group.Options).nesterov);
                break;
            case "adadelta":
                Assert.IsType<Adadelta>(optimizer);
                Assert.Equal(0.95, ((Adadelta.Options)group.Options).rho);
                Assert.Equal(1e-7, ((Adadelta.Options)group.Options).eps);
                break;
            default:
                Assert.IsType<RMSProp>(optimizer);
                Assert.Equal(0.9, ((RMSProp.Options)group.Options).alpha);
                break;
        }

        Assert.Equal(Spec(name).LearningRate, group.LearningRate);
        var after = model.state_dict();
        Assert.All(before, entry => Assert.False(Weights.Identical(entry.Value, after[entry.Key]), $"{name} left '{entry.Key}' unchanged"));
    }

    [Fact]
    public void Frozen_parameters_are_left_out_of_the_optimizer()
    {
        using var model = TinyClassifier.Create(seed: 1);
        foreach (var (parameterName, parameter) in model.named_parameters().Where(p => p.name.StartsWith("fc1", StringComparison.Ordinal)))
        {
            parameter.requires_grad = false;
        }

        using var optimizer = OptimizerSpec.Adam().Create(model);

        Assert.Equal(2, optimizer.parameters().Count());
    }

    [Fact]
    public void Nesterov_without_momentum_is_rejected_with_the_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => OptimizerSpec.Sgd(lr: 0.1, nesterov: true));
        Assert.Contains("momentum > 0", error.Message);
    }

    [Fact]
    public void Specs_are_values_with_Keras_defaults()
    {
        Assert.Equal(OptimizerSpec.Adadelta(), OptimizerSpec.Adadelta(lr: 1.0, rho: 0.95, eps: 1e-7));
        Assert.NotEqual(OptimizerSpec.Adam(), OptimizerSpec.Adam(lr: 0.01));
        Assert.Equal("Sgd(lr=0.01, momentum=0.9, nesterov)", OptimizerSpec.Sgd(momentum: 0.9, nesterov: true).ToString());
        Assert.Equal(1e-7, OptimizerSpec.RmsProp().Epsilon);
    }
}
