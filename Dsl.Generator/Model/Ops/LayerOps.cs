namespace Dsl.Generator.Model.Ops;

/// <summary>A declared graph input (<c>g.Input("image", 1, 28, 28)</c>).</summary>
internal sealed record InputOp(string Name, EquatableArray<DimExpr> Dims) : Op
{
    public override string Kind => "Input";
}

/// <summary><c>Conv2d(outChannels, kernelSize, stride, padding, bias)</c> over [B, C, H, W].</summary>
internal sealed record Conv2dOp(int OutChannels, int KernelSize, int Stride, PaddingSpec Padding, bool Bias) : Op
{
    public override string Kind => "Conv2d";

    public override bool IsLayer => true;
}

/// <summary><c>Linear(outFeatures, bias)</c> over [B, F].</summary>
internal sealed record LinearOp(int OutFeatures, bool Bias) : Op
{
    public override string Kind => "Linear";

    public override bool IsLayer => true;
}

/// <summary><c>BatchNorm1d</c> over [B, F] (<see cref="SpatialRank"/> 0) or <c>BatchNorm2d</c> over [B, C, H, W] (2).</summary>
internal sealed record BatchNormOp(int SpatialRank, double Eps, double Momentum) : Op
{
    public override string Kind => SpatialRank == 2 ? "BatchNorm2d" : "BatchNorm1d";

    public override string NamePrefix => "batch_norm";

    public override bool IsLayer => true;
}
