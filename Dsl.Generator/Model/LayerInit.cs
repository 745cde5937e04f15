namespace Dsl.Generator.Model;

/// <summary>
/// A layer's initialization is the name of a <c>Dsl.Init</c> member (read from the enum's symbol, so the generator
/// holds no copy of the list); these are the two it treats specially.
/// </summary>
internal static class LayerInit
{
    /// <summary>Not declared on the layer: the model's <c>g.DefaultInit</c>.</summary>
    public const string Default = "Default";

    /// <summary>PyTorch's own initialization: the constructor leaves the layer as TorchSharp built it.</summary>
    public const string PyTorch = "PyTorch";
}
