namespace Dsl;

/// <summary>
/// How the axes of a declared input are laid out, where the default reading is wrong: by default <c>[B, F]</c> is
/// features, <c>[B, T, F]</c> with a symbolic T time x feature, <c>[B, C, T]</c> with a symbolic T channels x time, and
/// rank 4 and up a channels-first image. The checker reads axis roles from it (Conv1d wants channels before time,
/// LayerNorm features last); it changes no shape.
/// </summary>
public readonly struct AxisLayout
{
    private AxisLayout(int code) => Code = code;

    /// <summary>Channels on axis 1, then time (<c>[B, C, L]</c>: mel bins x frames, as torchaudio gives) or spatial axes (<c>[B, C, H, W]</c>).</summary>
    public static AxisLayout ChannelsFirst => default;

    /// <summary>Channels or features last: <c>[B, T, F]</c> (time x feature, Keras' sequences) or <c>[B, H, W, C]</c> (Keras' images).</summary>
    public static AxisLayout ChannelsLast => new(1);

    private int Code { get; }

    public override string ToString() => Code == 1 ? "channels last" : "channels first";
}
