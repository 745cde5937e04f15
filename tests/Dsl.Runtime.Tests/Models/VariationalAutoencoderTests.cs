using System.Linq;
using Dsl;
using Dsl.Data;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// A variational autoencoder on flattened digits, written entirely in the DSL: the encoder gives mu and log-variance,
/// the reparameterization draws noise in forward, the decoder ends in a sigmoid; the loss is the reconstruction's
/// binary cross entropy plus the KL divergence to N(0, 1), -0.5 * sum(1 + logvar - mu^2 - exp(logvar)), per pixel.
/// </summary>
[Model]
public partial class DigitVae
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 784);
        var h = image.Linear(256, name: "encoder").Relu();
        var stats = h.Linear(2 * 16, name: "stats");
        var parts = stats.Chunk(2, -1);
        var mu = parts[0];
        var logvar = parts[1].Clamp(-10, 10);
        var z = mu + (0.5 * logvar).Exp() * mu.RandomNormalLike();
        var reconstruction = z.Linear(256, name: "decoder").Relu().Linear(784, name: "pixels").Sigmoid();
        g.Output("reconstruction", reconstruction);
        g.Output("mu", mu);
        g.Loss("reconstruction", reconstruction, Loss.BinaryCrossEntropy(target: image));
        g.Minimize("kl", -0.5 * (1 + logvar - mu.Pow(2) - logvar.Exp()).Sum(1) / 784);
    }
}

/// <summary>The DSL's VAE has PyTorch's parameters, samples fresh noise, and trains on real digits with a falling loss.</summary>
public sealed class VariationalAutoencoderTests
{
    [Fact]
    public void The_vae_has_the_parameters_of_the_same_network_in_PyTorch()
    {
        using var model = new DigitVae();

        TorchParity.AssertSameParameters(model, """
            class M(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.encoder = nn.Linear(784, 256)
                    self.stats = nn.Linear(256, 32)
                    self.decoder = nn.Linear(16, 256)
                    self.pixels = nn.Linear(256, 784)
            m = M()
            """);
        Assert.Equal(model.parameters().Sum(p => p.numel()), DigitVae.Info.TotalParameters);
    }

    [Fact]
    public void The_noise_is_drawn_on_every_forward_in_eval_too()
    {
        torch.manual_seed(2);
        using var model = new DigitVae();
        model.eval();
        using var image = torch.rand(4, 784);

        using var a = model.Forward(image);
        using var b = model.Forward(image);

        Assert.True(a.Mu.allclose(b.Mu, rtol: 0, atol: 0), "the encoder is deterministic");
        Assert.False(a.Reconstruction.allclose(b.Reconstruction), "the sampled z differs between passes");
    }

    [Fact]
    public void The_vae_trains_on_digits_with_a_falling_loss()
    {
        using var digits = MnistData.Load();
        using var images = digits.Images.narrow(0, 0, 256).reshape(256, 784).to(torch.ScalarType.Float32);
        torch.manual_seed(3);
        using var model = new DigitVae();
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        model.train();
        var totals = new float[30];
        for (int step = 0; step < totals.Length; step++)
        {
            using var scope = torch.NewDisposeScope();
            using var batch = images.narrow(0, (step % 4) * 64, 64);
            optimizer.zero_grad();
            var losses = model.ComputeLoss(model.Forward(batch), new DigitVae.Targets());
            losses.Total.backward();
            optimizer.step();
            totals[step] = losses.Total.item<float>();
            Assert.True(float.IsFinite(totals[step]));
        }

        float first = totals.Take(4).Average(), last = totals.Skip(totals.Length - 4).Average();
        Assert.True(last < first * 0.8f, $"the loss fell from {first} to {last}");
    }
}
