using System;

namespace Dsl.Generator.Ops;

/// <summary>
/// Where an op writes the features (classes) of its output, for cross entropy and NLL over more than [B, C]
/// (<see cref="Shapes.Losses.ClassAxes"/>): each op's descriptor answers it in <see cref="OpDescriptor.Layout"/>.
/// Axes are counted with the batch.
/// </summary>
internal sealed class FeatureLayout
{
    private FeatureLayout(FeatureLayoutKind kind, int axis = 0, Func<int, int, int, int?>? move = null)
    {
        Kind = kind;
        Axis = axis;
        Move = move;
    }

    public FeatureLayoutKind Kind { get; }

    /// <summary>For <see cref="FeatureLayoutKind.AtAxis"/>: the axis (negative counts from the back); for <see cref="FeatureLayoutKind.Stacked"/>: the new axis.</summary>
    public int Axis { get; }

    /// <summary>
    /// For <see cref="FeatureLayoutKind.FromInput"/>: the output's feature axis from the first input's (feature axis, output rank,
    /// input rank), or null where the op removes or scatters it; null for an op that keeps the input's layout as it is.
    /// </summary>
    public Func<int, int, int, int?>? Move { get; }

    /// <summary>The op does not say: an image output stays channels first (axis 1), anything else is not known. The default.</summary>
    public static FeatureLayout NotKnown { get; } = new(FeatureLayoutKind.NotKnown);

    /// <summary>Features on the last axis: Linear, Embedding, attention, recurrent layers, LayerNorm.</summary>
    public static FeatureLayout FeaturesLast { get; } = new(FeatureLayoutKind.FeaturesLast);

    /// <summary>Channels on axis 1: convolutions, pooling, upsampling, padding, batch and group norm.</summary>
    public static FeatureLayout ChannelsFirst { get; } = new(FeatureLayoutKind.ChannelsFirst);

    /// <summary>The features of the first input, where they are: element-wise ops, slices, dropout.</summary>
    public static FeatureLayout KeptFromInput { get; } = new(FeatureLayoutKind.FromInput);

    /// <summary>The axis every operand of the output's rank agrees on (lower-rank operands broadcast from the right): Binary, Concat.</summary>
    public static FeatureLayout AgreedByOperands { get; } = new(FeatureLayoutKind.Agreed);

    /// <summary>The op names the axis (a Softmax's dim); negative counts from the back.</summary>
    public static FeatureLayout AtAxis(int axis) => new(FeatureLayoutKind.AtAxis, axis);

    /// <summary>The first input's features, moved with the axes: <paramref name="move"/> maps (feature axis, output rank, input rank) to the output's, or null.</summary>
    public static FeatureLayout MovedFromInput(Func<int, int, int, int?> move) => new(FeatureLayoutKind.FromInput, move: move);

    /// <summary>The axis the operands agree on, shifted by the new axis <paramref name="axis"/> (negative counts from the back of the output): Stack.</summary>
    public static FeatureLayout Stacked(int axis) => new(FeatureLayoutKind.Stacked, axis);
}

/// <summary>The kinds of <see cref="FeatureLayout"/>.</summary>
internal enum FeatureLayoutKind
{
    NotKnown,
    FeaturesLast,
    ChannelsFirst,
    AtAxis,
    FromInput,
    Agreed,
    Stacked,
}
