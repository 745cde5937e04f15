using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// PyTorch's seq2seq tutorial without attention: a GRU encoder over source token ids of one symbolic length, and a
/// GRU decoder over its own token ids of another length that starts from the encoder's final hidden state; the
/// log-probabilities and the decoder's final state are outputs.
/// </summary>
[Model]
public partial class GruEncoderDecoder
{
    static void Define(Graph g)
    {
        var source = g.Input("source", DType.Int64, Dim.Of("S"));
        var decoderInput = g.Input("decoder_input", DType.Int64, Dim.Of("T"));
        var encoded = source.Embedding(10, 8).Dropout(0.1).Gru(8);
        var decoded = decoderInput.Embedding(10, 8).Relu().Gru(8, initialState: encoded.FinalState());
        g.Output("log_probs", decoded.Linear(10).LogSoftmax(-1));
        g.Output("hidden", decoded.FinalState());
    }
}

/// <summary>
/// A two-layer bidirectional LSTM whose (h_n, c_n) start a second one (ONNX's initial_h / initial_c per layer, Y_h /
/// Y_c concatenated over layers), and a two-layer relu RNN started from a projection of those states.
/// </summary>
[Model]
public partial class LstmStateHandOff
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 4);
        var encoder = x.Lstm(5, numLayers: 2, bidirectional: true);
        var decoder = x.Tanh().Lstm(5, numLayers: 2, bidirectional: true, initialState: encoder.FinalState(), initialCell: encoder.FinalCell());
        var rnn = x.Rnn(3, numLayers: 2, nonlinearity: "relu", initialState: encoder.FinalState().Flatten().Linear(6).Reshape(2, 3));
        g.Output("steps", decoder);
        g.Output("h_n", decoder.FinalState());
        g.Output("c_n", decoder.FinalCell());
        g.Output("rnn_h_n", rnn.FinalState());
    }
}
