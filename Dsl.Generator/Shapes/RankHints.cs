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

    /// <summary>What an op over <paramref name="spatialRank"/> spatial axes expects: [B, C, L], [B, C, H, W] or [B, C, D, H, W].</summary>
    public static string Spatial(int spatialRank) => spatialRank switch
    {
        1 => "a 3-D input [B, C, L]",
        2 => Image,
        _ => "a 5-D input [B, C, D, H, W]",
    };

    /// <summary>A fix for an op over <paramref name="spatialRank"/> spatial axes that got <paramref name="actual"/>.</summary>
    public static string ForSpatial(int spatialRank, TensorType actual) => spatialRank switch
    {
        1 => actual.Rank == 2 ? "a 2-D [B, F] input needs .Reshape(1, F) first" : "reshape it to [B, C, L] first with .Reshape(C, L)",
        2 => ForImage(actual),
        _ => "reshape it to [B, C, D, H, W] first with .Reshape(C, D, H, W)",
    };

    /// <summary>A fix for an op that needs [B, F] but got <paramref name="actual"/>.</summary>
    public static string ForFeatures(TensorType actual) => actual.Rank >= 3
        ? "add .Flatten() before it"
        : "reshape it to [B, F] first with .Reshape(F)";
}
