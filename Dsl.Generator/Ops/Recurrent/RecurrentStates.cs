using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// What the recurrent layer's emitters and FinalState's share: whether a node's final states are read, and the
/// suffix of the second local that keeps them.
/// </summary>
internal static class RecurrentStates
{
    /// <summary>True when a <c>FinalState()</c> or <c>FinalCell()</c> reads the recurrent node <paramref name="node"/>.</summary>
    public static bool AreRead(ModelSpec spec, int node) =>
        spec.Nodes.Any(n => n.Op is FinalStateOp && n.Inputs.Count == 1 && n.Inputs[0] == node);

    /// <summary>The suffix of the local holding h_n (the whole result in PyTorch) or c_n.</summary>
    public static string Suffix(bool cell) => cell ? "cell" : "state";
}
