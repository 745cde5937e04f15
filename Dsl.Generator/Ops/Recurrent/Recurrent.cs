using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of the recurrent layers Lstm, Gru and Rnn: the parts of the op, found in this folder.</summary>
internal sealed class RecurrentDescriptor : OpDescriptor<RecurrentOp>
{
    public override string Name => "Lstm, Gru, Rnn";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Lstm", RecurrentArguments.For(RecurrentKind.Lstm)),
        SurfaceEntry.Node("Gru", RecurrentArguments.For(RecurrentKind.Gru)),
        SurfaceEntry.Node("Rnn", RecurrentArguments.For(RecurrentKind.Rnn)),
    };

    public override IShapeRule Shape { get; } = new RecurrentRule();

    public override string Parameters => "per layer and direction: gates * hiddenSize * (in + hiddenSize) + 2 * gates * hiddenSize (gates: Lstm 4, Gru 3, Rnn 1; in: F, then hiddenSize * directions)";

    public override string MultiplyAccumulates => "T x the weights of every layer and direction (T known)";

    public override ITorchSharpEmitter TorchSharp { get; } = new RecurrentTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new RecurrentPyTorch();

    public override IOnnxEmitter Onnx { get; } = new RecurrentOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new RecurrentOp(RecurrentKind.Lstm, 32, 2, Bidirectional: true, Dropout: 0.1),
        new RecurrentOp(RecurrentKind.Gru, 16, 1, Bidirectional: false, Dropout: 0),
        new RecurrentOp(RecurrentKind.Rnn, 8, 1, Bidirectional: false, Dropout: 0, Relu: true),
        new RecurrentOp(RecurrentKind.Lstm, 16, 2, Bidirectional: false, Dropout: 0, InitialState: true),
    };

    protected override FeatureLayout LayoutOf(RecurrentOp op) => FeatureLayout.FeaturesLast;

    protected override int? BidirectionalHalfOf(RecurrentOp op) => op.Bidirectional ? op.HiddenSize : null;

    public override OpDoc Doc { get; } = new(
        "x.Lstm(hiddenSize, numLayers: 1, bidirectional: false, dropout: 0, name: null, initialState: null, initialCell: null), x.Gru(..., initialState: null), x.Rnn(..., nonlinearity: \"tanh\", ..., initialState: null)",
        "Batch first: [B, T, F] to [B, T, hiddenSize * directions], every step's output (T may be symbolic; .LastStep() takes the last); dropout acts between layers. initialState (h0; an Lstm also needs initialCell, c0): [B, numLayers * directions, hiddenSize], e.g. another layer's .FinalState(); zeros when absent.",
        "`nn.LSTM(F, hiddenSize, numLayers, batch_first=True, dropout=dropout, bidirectional=bidirectional)` (and `nn.GRU`, `nn.RNN(..., nonlinearity=...)`), output `[0]`; `gru(x, h0.transpose(0, 1))` (`lstm(x, (h0, c0))`)",
        "`layers.LSTM(hiddenSize, return_sequences=True)` (`layers.Bidirectional(...)`, `layers.GRU`, `layers.SimpleRNN`)");
}
