using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>A batch-first <c>nn.LSTM</c> / <c>nn.GRU</c> / <c>nn.RNN</c> module; forward keeps the sequence output and drops the final states.</summary>
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

    protected override ForwardStep Forward(RecurrentOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Layer(node.Id)}({names.Local(node.Inputs[0])})[0]");
}
