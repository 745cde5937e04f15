using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Lstm, Gru and Rnn: batch-first sequences, layers and directions, sizes and options checked, and the TorchSharp module.</summary>
public class RecurrentTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Lstm(32)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T, 32]")]
    [InlineData("g.Output(\"y\", x.Lstm(32, numLayers: 2, bidirectional: true)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T, 64]")]
    [InlineData("g.Output(\"y\", x.Lstm(32, numLayers: 2).LastStep()); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, 32]")]
    [InlineData("g.Output(\"y\", x.Rnn(7, nonlinearity: \"relu\").Select(-1, 3)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T]")]
    public void Recurrent_layers_give_PyTorchs_shapes(string body, string shape) => DefineBody.AssertOutputShape(body, shape, DefineBody.TokensAndSequence);

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 4).Flatten().Lstm(8)); g.Output(\"o\", x);", "DSL0002", "Lstm 'lstm_1' expects a batch-first sequence [B, T, F] but got [B, 4*T]; a [B, F] input has no time axis")]
    [InlineData("g.Output(\"y\", g.Input(\"s\", Dim.Of(\"T\"), Dim.Of(\"F\")).Gru(8)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0006", "Gru 'gru_1'")]
    [InlineData("g.Output(\"y\", g.Input(\"s\", 5, Dim.Of(\"L\")).Gru(8)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0012", "(channel x time); Gru would read the 5 channels as steps")]
    [InlineData("g.Output(\"y\", x.Rnn(4, nonlinearity: \"sigmoid\")); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "'nonlinearity' must be \"tanh\" or \"relu\" but is \"sigmoid\"")]
    public void A_sequence_without_time_or_a_wrong_option_is_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, DefineBody.TokensAndSequence);

    [Theory]
    [InlineData("g.Output(\"y\", x.Lstm(512, numLayers: int.MaxValue));", "DSL0008", "Lstm 'lstm_1': its parameters would hold")]
    [InlineData("g.Output(\"y\", x.Gru(int.MaxValue, bidirectional: true));", "DSL0007", "exceeds the largest size of a dimension")]
    public void Sizes_past_any_tensor_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void The_layer_is_a_registered_module_from_a_zero_state() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Lstm(32));", "var lstm_1 = this.lstm_1.forward(x, null).Item1; // [B, T, 32]");
}
