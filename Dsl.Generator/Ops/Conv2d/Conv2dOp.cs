namespace Dsl.Generator.Model.Ops;

/// <summary><c>Conv2d(outChannels, kernelSize, stride, padding, bias)</c> over [B, C, H, W].</summary>
internal sealed record Conv2dOp(int OutChannels, int KernelSize, int Stride, PaddingSpec Padding, bool Bias) : Op
{
    public override string Kind => "Conv2d";

    public override bool IsLayer => true;
}
