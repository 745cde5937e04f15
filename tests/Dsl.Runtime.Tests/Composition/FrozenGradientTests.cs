using System.Linq;
using Dsl;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Composition;

/// <summary>A small generator: noise [B, 8] to a sample [B, 16].</summary>
[Model]
public partial class TinyGenerator
{
    static void Define(Graph g)
    {
        var noise = g.Input("noise", 8);
        g.Output("sample", noise.Linear(32).Relu().Linear(16).Tanh());
    }
}

/// <summary>A small critic: a sample [B, 16] to a realness logit [B, 1].</summary>
[Model]
public partial class TinyCritic
{
    static void Define(Graph g)
    {
        var sample = g.Input("sample", 16);
        g.Output("score", sample.Linear(32).Relu().Dropout(0.5).Linear(1));
    }
}

/// <summary>The generator's step of a GAN: the generator is trained through the frozen critic.</summary>
[Model]
[PyTorchParity]
public partial class GeneratorStep
{
    static void Define(Graph g)
    {
        var generator = g.Use<TinyGenerator>("generator");
        var critic = g.Use<TinyCritic>("critic", frozen: true);
        var fake = generator.Apply(g.Input("noise", 8));
        var score = critic.Apply(fake);
        g.Output("score", score);
        g.Minimize("fool", score * -1.0);
    }
}

/// <summary>DCGAN's generator step: fakes from the generator scored by the frozen discriminator as if real.</summary>
[Model]
[PyTorchParity]
public partial class DcganGeneratorStep
{
    static void Define(Graph g)
    {
        var generator = g.Use<Models.DcganGenerator>("generator");
        var discriminator = g.Use<Models.DcganDiscriminator>("discriminator", frozen: true);
        var logit = discriminator.Apply(generator.Apply(g.Input("code", 100)));
        g.Output("logit", logit);
        g.Loss("fooled", logit, Loss.BinaryCrossEntropyWithLogits());
    }
}

/// <summary>A critic applied directly to this model's input: nothing trainable of its own feeds it.</summary>
[Model]
public partial class CriticOnInput
{
    static void Define(Graph g)
    {
        var critic = g.Use<TinyCritic>("critic", frozen: true);
        g.Output("score", critic.Apply(g.Input("sample", 16)));
    }
}

/// <summary>CriticOnInput used inside a trained model: its input carries gradients at run time.</summary>
[Model]
[PyTorchParity]
public partial class ProjectedCritic
{
    static void Define(Graph g)
    {
        var judge = g.Use<CriticOnInput>("judge");
        var projected = g.Input("features", 4).Linear(16, name: "projection");
        g.Output("score", judge.Apply(projected));
        g.Minimize("fool", judge.Apply(projected) * -1.0);
    }
}

/// <summary>
/// Frozen submodels pass gradients where a trainable part feeds them (decided by the generator) and where their
/// inputs carry gradients at run time, keep their weights fixed and stay in eval mode; elsewhere they run without
/// autograd.
/// </summary>
public sealed class FrozenGradientTests
{
    private static byte[][] Snapshot(nn.Module module) =>
        module.parameters().Select(p => p.detach().clone().data<float>().ToArray().SelectMany(System.BitConverter.GetBytes).ToArray()).ToArray();

    [Fact]
    public void The_generator_trains_through_the_frozen_critic_which_keeps_its_weights()
    {
        torch.manual_seed(11);
        using var model = new GeneratorStep();
        model.train();
        var criticBefore = Snapshot(model.Critic);
        var generatorBefore = Snapshot(model.Generator);
        using var optimizer = torch.optim.SGD(model.parameters().Where(p => p.requires_grad), 0.1);
        using var noise = torch.randn(32, 8);

        optimizer.zero_grad();
        using var outputs = model.Forward(noise);
        using var losses = model.ComputeLoss(outputs, new GeneratorStep.Targets());
        losses.Total.backward();
        optimizer.step();

        Assert.False(model.Critic.training, "the frozen critic stays in eval mode (its dropout is off)");
        Assert.All(model.Generator.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, "every generator parameter gets a gradient through the critic"));
        Assert.All(model.Critic.parameters(), p => Assert.Null(p.grad));
        Assert.Equal(criticBefore, Snapshot(model.Critic));
        Assert.NotEqual(generatorBefore, Snapshot(model.Generator));
    }

    [Fact]
    public void The_DCGAN_generator_trains_one_step_through_the_frozen_discriminator()
    {
        torch.manual_seed(13);
        using var model = new DcganGeneratorStep();
        model.train();
        var discriminatorBefore = Snapshot(model.Discriminator);
        var generatorBefore = Snapshot(model.Generator);
        using var optimizer = torch.optim.Adam(model.parameters().Where(p => p.requires_grad), 2e-4);
        using var code = torch.randn(8, 100);
        using var real = torch.ones(8, 1);

        optimizer.zero_grad();
        using var outputs = model.Forward(code);
        using var losses = model.ComputeLoss(outputs, new DcganGeneratorStep.Targets(real));
        losses.Total.backward();
        optimizer.step();

        Assert.Equal(new long[] { 8, 1 }, outputs.Logit.shape);
        Assert.False(model.Discriminator.training, "the frozen discriminator keeps its BatchNorm statistics (eval mode)");
        Assert.All(model.Discriminator.parameters(), p => Assert.Null(p.grad));
        Assert.Equal(discriminatorBefore, Snapshot(model.Discriminator));
        Assert.NotEqual(generatorBefore, Snapshot(model.Generator));
    }

    [Fact]
    public void A_frozen_model_on_plain_inputs_builds_no_autograd_graph()
    {
        using var model = new CriticOnInput();
        using var sample = torch.randn(4, 16);

        using var outputs = model.Forward(sample);

        Assert.False(outputs.Score.requires_grad);
    }

    [Fact]
    public void A_frozen_model_fed_by_a_trained_parent_at_run_time_passes_gradients()
    {
        torch.manual_seed(12);
        using var model = new ProjectedCritic();
        using var features = torch.randn(8, 4);

        using var outputs = model.Forward(features);
        using var losses = model.ComputeLoss(outputs, new ProjectedCritic.Targets());
        losses.Total.backward();

        var projection = model.named_parameters().Single(p => p.name == "projection.weight").parameter;
        Assert.True(projection.grad is not null && projection.grad.abs().sum().item<float>() > 0);
        Assert.All(model.Judge.parameters(), p => Assert.Null(p.grad));
    }
}
