using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A batch-first <c>LSTM</c> / <c>GRU</c> / <c>RNN</c> module; forward keeps the sequence output (and the final states where they are read).</summary>
internal sealed class RecurrentTorchSharp : TorchSharpEmitter<RecurrentOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules." + ((RecurrentOp)op).Cell switch
    {
        RecurrentKind.Lstm => "LSTM",
        RecurrentKind.Gru => "GRU",
        _ => "RNN",
    };

    protected override string Construction(RecurrentOp op, NodeSpec node, AnalyzedModel model)
    {
        long features = KnownDim(model, node, 1);
        string shared = $"bias: true, batchFirst: true, dropout: {Names.DoubleLiteral(op.Dropout)}, bidirectional: {Names.BoolLiteral(op.Bidirectional)})";
        return op.Cell switch
        {
            RecurrentKind.Lstm => $"{Nn}LSTM({Lit(features)}, {Lit(op.HiddenSize)}, {Lit(op.NumLayers)}, {shared}",
            RecurrentKind.Gru => $"{Nn}GRU({Lit(features)}, {Lit(op.HiddenSize)}, {Lit(op.NumLayers)}, {shared}",
            _ => $"{Nn}RNN({Lit(features)}, {Lit(op.HiddenSize)}, {Lit(op.NumLayers)}, {Nn}NonLinearities.{(op.Relu ? "ReLU" : "Tanh")}, {shared}",
        };
    }

    // Without an initial state (null) the state starts at zeros; Item1 is the output of every step. The states are
    // batch first in the DSL and [layers x directions, B, H] in TorchSharp: h0 / c0 are transposed on the way in, and
    // where FinalState() / FinalCell() read the layer, h_n / c_n go to a second local that they transpose.
    protected override ForwardStep Forward(RecurrentOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string initial = "null";
        if (op.InitialState)
        {
            string h0 = $"{names.Local(node.Inputs[1])}.transpose(0, 1).contiguous()";
            initial = op.Cell == RecurrentKind.Lstm ? $"({h0}, {names.Local(node.Inputs[2])}.transpose(0, 1).contiguous())" : h0;
        }

        string call = $"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])}, {initial})";
        if (!RecurrentStates.AreRead(model.Spec, node.Id))
        {
            return new($"{call}.Item1");
        }

        string state = "out var " + names.Auxiliary(node.Id, RecurrentStates.Suffix(cell: false));
        string cell = op.Cell == RecurrentKind.Lstm ? ", out var " + names.Auxiliary(node.Id, RecurrentStates.Suffix(cell: true)) : "";
        return new($"global::Dsl.Modules.RecurrentResult.Sequence({call}, {state}{cell})");
    }
}
