using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A batch-first <c>LSTM</c> / <c>GRU</c> / <c>RNN</c> module; forward keeps the sequence output and drops the final states.</summary>
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

    // No initial state (null: zeros); Item1 is the output of every step.
    protected override ForwardStep Forward(RecurrentOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])}, null).Item1");
}
