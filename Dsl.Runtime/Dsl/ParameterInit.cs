namespace Dsl;

/// <summary>How a learned tensor (<c>g.Parameter</c>) starts, drawn from torch's generator.</summary>
public enum ParameterInit
{
    /// <summary>All zeros (<c>torch.zeros</c>), as timm starts a ViT's <c>[CLS]</c> token.</summary>
    Zeros,

    /// <summary>All ones (<c>torch.ones</c>).</summary>
    Ones,

    /// <summary>Normal with mean 0 and the parameter's <c>std</c> (<c>torch.randn(...) * std</c>; std 1 by default, as the ViT reference code's position table).</summary>
    Normal,
}
