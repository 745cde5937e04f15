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
/// <see cref="InitialState"/>: the node also reads h0 (and c0 for an Lstm), batch first [B, layers x directions,
/// hiddenSize], as its second (and third) input; otherwise the state starts at zeros.
/// </summary>
internal sealed record RecurrentOp(RecurrentKind Cell, int HiddenSize, int NumLayers, bool Bidirectional, double Dropout, bool Relu = false, bool InitialState = false) : Op
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

    /// <summary>The rows of a state (h0, h_n, c_n): one per layer and direction.</summary>
    public int StateRows => (int)System.Math.Min(int.MaxValue, (long)NumLayers * Directions);
}
