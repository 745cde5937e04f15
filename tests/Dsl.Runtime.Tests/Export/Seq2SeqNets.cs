using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// PyTorch's seq2seq tutorial ("NLP From Scratch: Translation with a Sequence to Sequence Network"), its EncoderRNN and
/// DecoderRNN without attention, written as the tutorial reads: the encoder embeds the source, drops out and runs a GRU;
/// the decoder embeds its input, applies relu, runs a GRU that starts from the encoder's final hidden state, and maps
/// to log-probabilities over the output vocabulary, trained with NLLLoss. The decoder input is the tutorial's teacher
/// forcing: SOS, then the target shifted right.
/// </summary>
[Model]
[PyTorchParity]
public partial class GruSeq2Seq
{
    public const int Vocabulary = 12;
    public const int Hidden = 16;

    static void Define(Graph g)
    {
        var source = g.Input("source", DType.Int64, Dim.Of("S"));
        var decoderInput = g.Input("decoder_input", DType.Int64, Dim.Of("T"));

        // EncoderRNN: output, hidden = self.gru(self.dropout(self.embedding(input)))
        var encoderOutputs = source.Embedding(Vocabulary, Hidden, name: "encoder_embedding").Dropout(0.1).Gru(Hidden, name: "encoder_gru");

        // DecoderRNN: output, hidden = self.gru(F.relu(self.embedding(input)), encoder_hidden); F.log_softmax(self.out(output), -1)
        var decoderOutputs = decoderInput.Embedding(Vocabulary, Hidden, name: "decoder_embedding").Relu()
            .Gru(Hidden, name: "decoder_gru", initialState: encoderOutputs.FinalState());
        var logProbs = decoderOutputs.Linear(Vocabulary, name: "decoder_out").LogSoftmax(-1);
        g.Output("log_probs", logProbs);
        g.Output("hidden", decoderOutputs.FinalState());
        g.Loss("target", logProbs, Loss.Nll());
    }
}

/// <summary>
/// Every state path at once: a two-layer bidirectional LSTM encoder whose (h_n, c_n) start a decoder LSTM of the same
/// shape, and a two-layer relu RNN started from a projection of the encoder's final states; all final states are outputs.
/// </summary>
[Model]
[PyTorchParity]
public partial class StatefulRecurrentNet
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var follow = g.Input("follow", Dim.Of("U"), 4);
        var encoder = tokens.Embedding(10, 6, name: "embed").Lstm(5, numLayers: 2, bidirectional: true, name: "encoder");
        var decoder = follow.Lstm(5, numLayers: 2, bidirectional: true, name: "decoder", initialState: encoder.FinalState(), initialCell: encoder.FinalCell());
        var start = encoder.FinalState().Flatten().Linear(6, name: "bridge").Reshape(2, 3);
        var rnn = follow.Rnn(3, numLayers: 2, nonlinearity: "relu", name: "rnn", initialState: start);
        g.Output("steps", decoder.Linear(2, name: "head"));
        g.Output("h_n", decoder.FinalState());
        g.Output("c_n", decoder.FinalCell());
        g.Output("rnn_h_n", rnn.FinalState());
        g.Output("rnn_steps", rnn);
    }
}
