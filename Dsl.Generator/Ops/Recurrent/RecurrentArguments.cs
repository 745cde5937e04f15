using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.Lstm(hiddenSize, numLayers, bidirectional, dropout, name, init, initialState, initialCell)</c>,
/// <c>x.Gru(..., initialState)</c> and <c>x.Rnn(..., nonlinearity, ..., initialState)</c>. An Lstm's initial state is
/// the pair (h0, c0), as PyTorch's <c>lstm(x, (h0, c0))</c> takes it: one without the other is an error at the one given.
/// </summary>
internal static class RecurrentArguments
{
    public static OpReader For(RecurrentKind cell) => call =>
    {
        var self = call.Receiver();
        bool relu = cell == RecurrentKind.Rnn && call.Choice("nonlinearity", "tanh", "tanh", "relu") == "relu";
        bool hasState = call.Value("initialState") is not null;
        bool hasCell = cell == RecurrentKind.Lstm && call.Value("initialCell") is not null;
        if (cell == RecurrentKind.Lstm && hasState != hasCell)
        {
            string given = hasState ? "initialState" : "initialCell";
            string missing = hasState ? "initialCell" : "initialState";
            throw new InterpretationError(
                Descriptors.InvalidArgument,
                call.SyntaxOf(given),
                call.Kind,
                $"an Lstm starts from the pair (h0, c0), as PyTorch's lstm(x, (h0, c0)): '{given}' needs '{missing}:' too (the other Lstm's .FinalState() and .FinalCell(), or give neither to start from zeros)");
        }

        var op = new RecurrentOp(cell, call.Int("hiddenSize", 1), call.Int("numLayers", 1), call.Bool("bidirectional", defaultValue: false), call.Fraction("dropout"), relu, hasState);
        return !hasState ? new OpRead(op, self)
            : hasCell ? new OpRead(op, self, call.Node("initialState"), call.Node("initialCell"))
            : new OpRead(op, self, call.Node("initialState"));
    };
}
