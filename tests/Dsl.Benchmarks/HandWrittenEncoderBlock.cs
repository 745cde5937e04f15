using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>
/// <see cref="Nets.EncoderBlockNet"/> written by hand the way a TorchSharp user would: TorchSharp's MultiheadAttention
/// takes sequence-first tensors, so the batch-first input is transposed around it. Parameter names match the generated
/// module's.
/// </summary>
public sealed class HandWrittenEncoderBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1 = nn.LayerNorm(256);
    private readonly MultiheadAttention attn = nn.MultiheadAttention(256, 8, 0.0);
    private readonly LayerNorm norm2 = nn.LayerNorm(256);
    private readonly Linear fc1 = nn.Linear(256, 1024);
    private readonly Linear fc2 = nn.Linear(1024, 256);

    public HandWrittenEncoderBlock()
        : base(nameof(HandWrittenEncoderBlock))
    {
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var normed = norm1.forward(tokens).transpose(0, 1);
        var h = tokens + attn.forward(normed, normed, normed, null, false, null).Item1.transpose(0, 1);
        return h + fc2.forward(nn.functional.gelu(fc1.forward(norm2.forward(h))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm1.Dispose();
            attn.Dispose();
            norm2.Dispose();
            fc1.Dispose();
            fc2.Dispose();
        }

        base.Dispose(disposing);
    }
}
