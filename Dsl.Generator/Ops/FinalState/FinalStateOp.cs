using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>seq.FinalState()</c> / <c>seq.FinalCell()</c>: the final hidden state h_n (or an LSTM's cell state c_n, <see cref="Cell"/>)
/// of the recurrent layer whose output <c>seq</c> is, batch first: [B, numLayers x directions, hiddenSize].
/// </summary>
internal sealed record FinalStateOp(bool Cell) : Op
{
    public override string Kind => Cell ? "FinalCell" : "FinalState";

    public override string NamePrefix => Cell ? "final_cell" : "final_state";
}
