using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

internal enum RecurrentKind
{
    Lstm,
    Gru,
    Rnn,
}

/// <summary>
/// <c>Lstm / Gru / Rnn(hiddenSize, numLayers, bidirectional, dropout)</c> over a batch-first sequence [B, T, F],
/// returning every step's output. <see cref="Relu"/>: a plain Rnn with the relu nonlinearity instead of tanh.
/// </summary>
internal sealed record RecurrentOp(RecurrentKind Cell, int HiddenSize, int NumLayers, bool Bidirectional, double Dropout, bool Relu = false) : Op
{
    public override string Kind => Cell.ToString();

    public override bool IsLayer => true;

    /// <summary>The gates of one cell, each a hidden-sized affine map: 4 for an LSTM, 3 for a GRU, 1 for a plain RNN.</summary>
    public int Gates => Cell switch
    {
        RecurrentKind.Lstm => 4,
        RecurrentKind.Gru => 3,
        _ => 1,
    };

    public int Directions => Bidirectional ? 2 : 1;
}
