using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>seq.FinalState()</c> / <c>seq.FinalCell()</c>: <c>seq</c> must be the output of an Lstm, Gru or Rnn (a cell
/// state only of an Lstm); the type is that layer's state, [B, numLayers x directions, hiddenSize].
/// </summary>
internal sealed class FinalStateRule : ShapeRule<FinalStateOp>
{
    protected override NodeAnalysis? Infer(FinalStateOp op, ShapeContext context)
    {
        var source = context.Spec.Nodes[context.Node.Inputs[0]];
        if (source.Op is not RecurrentOp recurrent)
        {
            return context.InvalidArgument(
                null,
                $"{op.Kind}() reads the final state of an Lstm, Gru or Rnn, but '{source.Name}' is a {source.Op.Kind}; call it on the recurrent layer's own node (var seq = x.Gru(64); var h = seq.{op.Kind}();)");
        }

        if (op.Cell && recurrent.Cell != RecurrentKind.Lstm)
        {
            return context.InvalidArgument(
                null,
                $"FinalCell() is an Lstm's cell state c_n, but '{source.Name}' is a {recurrent.Kind}, whose only state is its hidden state: use FinalState()");
        }

        return ShapeContext.Ok(RecurrentRule.StateType(recurrent));
    }
}
