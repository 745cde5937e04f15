using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Lstm(hiddenSize, numLayers, bidirectional, dropout, name)</c>, <c>x.Gru(...)</c> and <c>x.Rnn(..., nonlinearity)</c>.</summary>
internal static class RecurrentArguments
{
    public static OpReader For(RecurrentKind cell) => call =>
    {
        var self = call.Receiver();
        bool relu = cell == RecurrentKind.Rnn && call.Choice("nonlinearity", "tanh", "tanh", "relu") == "relu";
        return new OpRead(
            new RecurrentOp(cell, call.Int("hiddenSize", 1), call.Int("numLayers", 1), call.Bool("bidirectional", defaultValue: false), call.Fraction("dropout"), relu),
            self);
    };
}
