namespace Dsl.Generator.Model.Ops;

/// <summary>
/// <c>Conv2d(outChannels, kernelSize, stride, padding, bias, groups, dilation)</c> over [B, C, H, W]: <see cref="Groups"/>
/// splits the channels into independent groups (depthwise when it equals C); <see cref="Dilation"/> spaces the
/// kernel's taps.
/// </summary>
internal sealed record Conv2dOp(int OutChannels, int KernelSize, int Stride, PaddingSpec Padding, bool Bias, int Groups = 1, int Dilation = 1) : Op
{
    /// <summary>The extent the kernel covers: dilation x (k - 1) + 1.</summary>
    public int EffectiveKernelSize => (int)System.Math.Min(int.MaxValue, ((long)Dilation * (KernelSize - 1)) + 1);

    public override string Kind => "Conv2d";

    public override bool IsLayer => true;
}
