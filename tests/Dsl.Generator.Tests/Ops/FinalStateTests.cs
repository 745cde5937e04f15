using System.Globalization;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// Initial and final states of Lstm / Gru / Rnn at compile time: the state's shape ([B, layers x directions, H],
/// PyTorch's h_n with the batch first), the generated code of each side, and every mistake reported at its argument.
/// </summary>
public class FinalStateTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Gru(5).FinalState());", "[B, 1, 5]")]
    [InlineData("g.Output(\"y\", x.Lstm(6, numLayers: 2, bidirectional: true).FinalState());", "[B, 4, 6]")]
    [InlineData("g.Output(\"y\", x.Lstm(6, numLayers: 3).FinalCell());", "[B, 3, 6]")]
    [InlineData("g.Output(\"y\", x.Rnn(4, numLayers: 2).FinalState().Select(1, -1));", "[B, 4]")]
    [InlineData("var e = x.Gru(5, numLayers: 2); g.Output(\"y\", x.Gru(5, numLayers: 2, initialState: e.FinalState()));", "[B, T, 5]")]
    [InlineData("var e = x.Lstm(3, bidirectional: true); g.Output(\"y\", x.Lstm(3, bidirectional: true, initialState: e.FinalState(), initialCell: e.FinalCell()).FinalCell());", "[B, 2, 3]")]
    public void States_have_PyTorchs_layout_with_the_batch_first(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void The_final_state_is_read_from_the_same_run_of_the_layer()
    {
        var run = DefineBody.Run("var seq = x.Lstm(4, name: \"encoder\"); g.Output(\"y\", seq); g.Output(\"h\", seq.FinalState()); g.Output(\"c\", seq.FinalCell());");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");

        // One call of the module: the output, h_n and c_n come from it, the states moved batch first.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, @"this\.encoder\.forward\("));
        Assert.Contains("global::Dsl.Modules.RecurrentResult.Sequence(this.encoder.forward(x, null), out var encoder_state, out var encoder_cell)", source);
        Assert.Contains("encoder_state.transpose(0, 1)", source);
        Assert.Contains("encoder_cell.transpose(0, 1)", source);
    }

    [Fact]
    public void A_layer_whose_state_nobody_reads_is_called_as_before()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.Gru(4, name: \"gru\"));");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("this.gru.forward(x, null).Item1", run.GeneratedSource("Net"));
    }

    [Theory]
    [InlineData("var e = x.Gru(5); g.Output(\"y\", x.Gru(6, initialState: e.FinalState()));", "e.FinalState()", "Gru 'gru_2': 'initialState' must be [B, 1, 6] (every layer and direction: numLayers 1 x 1 direction(s), hiddenSize 6; PyTorch's [layers x directions, B, H] with the batch first) but is [B, 1, 5]")]
    [InlineData("var e = x.Gru(5); g.Output(\"y\", x.Gru(5, bidirectional: true, initialState: e.FinalState()));", "e.FinalState()", "'initialState' must be [B, 2, 5]")]
    [InlineData("var e = x.Lstm(5); g.Output(\"y\", x.Lstm(5, initialState: e.FinalState(), initialCell: x));", "x", "'initialCell' must be [B, 1, 5]")]
    [InlineData("var e = x.Lstm(5); g.Output(\"y\", x.Lstm(5, initialState: e.FinalState()));", "e.FinalState()", "an Lstm starts from the pair (h0, c0), as PyTorch's lstm(x, (h0, c0)): 'initialState' needs 'initialCell:' too")]
    [InlineData("var e = x.Lstm(5); g.Output(\"y\", x.Lstm(5, initialCell: e.FinalCell()));", "e.FinalCell()", "'initialCell' needs 'initialState:' too")]
    public void A_wrong_initial_state_is_reported_at_its_argument(string body, string argument, string message)
    {
        var run = DefineBody.Run(body);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("g.Output(\"y\", x.Linear(4).FinalState());", "FinalState() reads the final state of an Lstm, Gru or Rnn, but 'linear_1' is a Linear; call it on the recurrent layer's own node")]
    [InlineData("g.Output(\"y\", x.Gru(4).LastStep().FinalState());", "but 'select_1' is a Select")]
    [InlineData("g.Output(\"y\", x.Gru(4).FinalCell());", "FinalCell() is an Lstm's cell state c_n, but 'gru_1' is a Gru, whose only state is its hidden state: use FinalState()")]
    public void A_final_state_of_something_else_is_an_error(string body, string message) =>
        DefineBody.AssertSingle(body, "DSL0007", message);
}
