using static TorchSharp.torch;

namespace Dsl.Modules;

/// <summary>
/// Splits the result of a TorchSharp recurrent module in generated code: the step returns the output of every step
/// and hands the final states to the locals that <c>seq.FinalState()</c> / <c>seq.FinalCell()</c> read, still in
/// TorchSharp's layout [layers x directions, B, H].
/// </summary>
public static class RecurrentResult
{
    /// <summary>A GRU's or RNN's <c>(output, h_n)</c>: returns the output, <paramref name="finalState"/> is h_n.</summary>
    public static Tensor Sequence((Tensor Output, Tensor FinalState) result, out Tensor finalState)
    {
        finalState = result.FinalState;
        return result.Output;
    }

    /// <summary>An LSTM's <c>(output, h_n, c_n)</c>: returns the output, with h_n and c_n.</summary>
    public static Tensor Sequence((Tensor Output, Tensor FinalState, Tensor FinalCell) result, out Tensor finalState, out Tensor finalCell)
    {
        finalState = result.FinalState;
        finalCell = result.FinalCell;
        return result.Output;
    }
}
