using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>A batch-first <c>nn.LSTM</c> / <c>nn.GRU</c> / <c>nn.RNN</c> module; forward keeps the sequence output (and the final states where they are read).</summary>
internal sealed class RecurrentPyTorch : PyTorchEmitter<RecurrentOp>
{
    protected override string Module(RecurrentOp op, NodeSpec node, AnalyzedModel model)
    {
        string module = op.Cell switch
        {
            RecurrentKind.Lstm => "LSTM",
            RecurrentKind.Gru => "GRU",
            _ => "RNN",
        };
        string nonlinearity = op.Cell == RecurrentKind.Rnn ? $", nonlinearity={Str(op.Relu ? "relu" : "tanh")}" : "";
        return $"nn.{module}({Int(NodeLowering.KnownDim(model, node, 1))}, {Int(op.HiddenSize)}, {Int(op.NumLayers)}{nonlinearity}, bias=True, batch_first=True, dropout={Float(op.Dropout)}, bidirectional={Bool(op.Bidirectional)})";
    }

    // h0 / c0 are batch first in the DSL and [layers x directions, B, H] in PyTorch; where FinalState() / FinalCell()
    // read the layer, the module's whole result is kept in a second local (an assignment expression) for them.
    protected override ForwardStep Forward(RecurrentOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string initial = "";
        if (op.InitialState)
        {
            string h0 = $"{names.Local(node.Inputs[1])}.transpose(0, 1).contiguous()";
            initial = ", " + (op.Cell == RecurrentKind.Lstm ? $"({h0}, {names.Local(node.Inputs[2])}.transpose(0, 1).contiguous())" : h0);
        }

        string call = $"{names.Layer(node.Id)}({names.Local(node.Inputs[0])}{initial})";
        return RecurrentStates.AreRead(model.Spec, node.Id)
            ? new($"({names.Auxiliary(node.Id, RecurrentStates.Suffix(cell: false))} := {call})[0]")
            : new($"{call}[0]");
    }
}
