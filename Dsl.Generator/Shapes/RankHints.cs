using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>What a rule expects of its input's rank, and how to fix an input of another rank, as message text.</summary>
internal static class RankHints
{
    public const string Image = "a 4-D input [B, C, H, W]";

    public const string Features = "a 2-D input [B, F]";

    /// <summary>A fix for an op that needs [B, C, H, W] but got <paramref name="actual"/>.</summary>
    public static string ForImage(TensorType actual) => actual.Rank switch
    {
        2 => "a 2-D [B, F] input needs .Reshape(C, H, W) first",
        3 => "a 3-D [B, C, L] input needs .Reshape(C, H, W) first",
        _ => "reshape it to [B, C, H, W] first with .Reshape(C, H, W)",
    };

    /// <summary>A fix for an op that needs [B, F] but got <paramref name="actual"/>.</summary>
    public static string ForFeatures(TensorType actual) => actual.Rank >= 3
        ? "add .Flatten() before it"
        : "reshape it to [B, F] first with .Reshape(F)";
}
