using Dsl.Tests.Shared;
using System.Linq;
using Dsl;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Runtime.Tests.Weights;
using Dsl.Weights;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>A pre-norm transformer encoder block on token vectors of any length: attention and an MLP, each in a residual.</summary>
[Model]
[PyTorchParity]
public partial class EncoderBlock
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 64);
        var h = x + x.LayerNorm(name: "norm1").MultiheadAttention(4, name: "attn");
        var y = h + h.LayerNorm(name: "norm2").Linear(256, name: "fc1").Gelu().Linear(64, name: "fc2");
        g.Output("y", y);
        g.Loss("target", y, Loss.Mse());
    }
}

/// <summary>Causal self-attention and cross-attention to a memory of another length, as a decoder has them.</summary>
[Model]
[PyTorchParity]
public partial class DecoderAttention
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 16);
        var memory = g.Input("memory", Dim.Of("S"), 16);
        var self = x.MultiheadAttention(2, causal: true, name: "self_attn");
        g.Output("y", Ops.MultiheadAttention(self, memory, memory, 4, name: "cross_attn"));
    }
}

/// <summary>
/// The generated attention layers compute what PyTorch's <c>nn.MultiheadAttention(batch_first=True)</c> computes with
/// the same weights (causal mask included), have its parameters, and the encoder block trains.
/// </summary>
public sealed class TransformerBlockTests
{
    private const string Script = """
import sys, torch, torch.nn as nn, torch.nn.functional as F
class EncoderBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1 = nn.LayerNorm(64)
        self.attn = nn.MultiheadAttention(64, 4, batch_first=True)
        self.norm2 = nn.LayerNorm(64)
        self.fc1 = nn.Linear(64, 256)
        self.fc2 = nn.Linear(256, 64)
    def forward(self, x):
        n = self.norm1(x)
        h = x + self.attn(n, n, n, need_weights=False)[0]
        return h + self.fc2(F.gelu(self.fc1(self.norm2(h))))
class DecoderAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(16, 2, batch_first=True)
        self.cross_attn = nn.MultiheadAttention(16, 4, batch_first=True)
    def forward(self, x, memory):
        t = x.shape[1]
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        s = self.self_attn(x, x, x, attn_mask=mask, need_weights=False)[0]
        return self.cross_attn(s, memory, memory, need_weights=False)[0]
torch.manual_seed(3)
encoder = EncoderBlock().eval()
decoder = DecoderAttention().eval()
torch.save(encoder.state_dict(), sys.argv[1])
torch.save(decoder.state_dict(), sys.argv[2])
x = torch.randn(2, 7, 64)
dx = torch.randn(3, 5, 16)
memory = torch.randn(3, 9, 16)
with torch.no_grad():
    torch.save({"x": x, "y": encoder(x).contiguous(), "dx": dx, "memory": memory, "dy": decoder(dx, memory).contiguous()}, sys.argv[3])
""";

    [Fact]
    public void Attention_computes_what_PyTorch_computes_with_the_same_weights()
    {
        using var folder = new TempDirectory();
        string encoderWeights = folder.File("encoder.pth"), decoderWeights = folder.File("decoder.pth"), io = folder.File("io.pt");
        PythonTorch.Run(Script, encoderWeights, decoderWeights, io);
        using var encoder = new EncoderBlock();
        using var decoder = new DecoderAttention();
        Assert.True(encoder.LoadWeights(encoderWeights, strict: true).IsExactMatch);
        Assert.True(decoder.LoadWeights(decoderWeights, strict: true).IsExactMatch);
        encoder.eval();
        decoder.eval();
        using var file = WeightFile.Read(io);

        using var y = encoder.Forward(file["x"]);
        using var dy = decoder.Forward(file["dx"], file["memory"]);

        Assert.True(y.Y.allclose(file["y"], rtol: 1e-4, atol: 1e-5), $"the encoder differs from PyTorch by up to {(y.Y - file["y"]).abs().max().item<float>()}");
        Assert.Equal(new long[] { 3, 5, 16 }, dy.Y.shape);
        Assert.True(dy.Y.allclose(file["dy"], rtol: 1e-4, atol: 1e-5), $"the decoder attention differs from PyTorch by up to {(dy.Y - file["dy"]).abs().max().item<float>()}");
        Assert.Equal(encoder.parameters().Sum(p => p.numel()), EncoderBlock.Info.TotalParameters);
        Assert.Equal(decoder.parameters().Sum(p => p.numel()), DecoderAttention.Info.TotalParameters);
    }

    [Fact]
    public void The_causal_mask_keeps_earlier_positions_independent_of_later_ones()
    {
        torch.manual_seed(4);
        using var decoder = new DecoderAttention();
        decoder.eval();
        using var x = torch.randn(1, 6, 16);
        using var changed = x.clone();
        changed[0, 5] = torch.randn(16);
        using var memory = torch.randn(1, 4, 16);

        using var a = decoder.Forward(x, memory);
        using var b = decoder.Forward(changed, memory);

        // Positions 0-4 never see position 5; position 5 does.
        Assert.True(a.Y.narrow(1, 0, 5).allclose(b.Y.narrow(1, 0, 5), rtol: 1e-5, atol: 1e-6));
        Assert.False(a.Y.narrow(1, 5, 1).allclose(b.Y.narrow(1, 5, 1), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void The_encoder_block_trains_on_sequences_of_any_length()
    {
        torch.manual_seed(5);
        using var model = new EncoderBlock();
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        using var x = torch.randn(4, 9, 64);
        using var target = x.flip(1).clone();
        float first = 0, last = 0;
        for (int step = 0; step < 10; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = model.ComputeLoss(model.Forward(x), new EncoderBlock.Targets(target)).Total;
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            first = step == 0 ? last : first;
        }

        Assert.True(last < first, $"the loss fell from {first} to {last}");
        using var longer = model.Forward(torch.randn(2, 13, 64));
        Assert.Equal(new long[] { 2, 13, 64 }, longer.Y.shape);
    }
}
