using Dsl;

namespace FixAll.Models;

// Each model reads an axis in the wrong layout (DSL0012); the comment names the fix.

[Model]
public partial class TextCnn
{
    // Conv1d on embeddings [B, T, F]; fix: insert .Transpose(1, 2)
    static void Define(Graph g) =>
        g.Output("logits", g.Input("tokens", DType.Int64, 50).Embedding(100, 16).Conv1d(8, 3).Relu().GlobalMaxPool1d().Linear(2));
}

[Model]
public partial class SignalLstm
{
    // An LSTM on a Conv1d's [B, C, T] output; fix: insert .Transpose(1, 2)
    static void Define(Graph g) =>
        g.Output("y", g.Input("signal", 1, 64).Conv1d(8, 5).Relu().Lstm(16).LastStep().Linear(3));
}

[Model]
public partial class SequenceNorm
{
    // BatchNorm1d on [B, T, F]; fix: wrap it in .Transpose(1, 2)
    static void Define(Graph g) => g.Output("y", g.Input("frames", Dim.Of("T"), 12).BatchNorm1d().Relu());
}

[Model]
public partial class KerasImage
{
    // Conv2d on a channels-last image; fix: insert .Permute(0, 3, 1, 2)
    static void Define(Graph g) => g.Output("y", g.Input("image", AxisLayout.ChannelsLast, 28, 28, 3).Conv2d(8, 3).Relu());
}
