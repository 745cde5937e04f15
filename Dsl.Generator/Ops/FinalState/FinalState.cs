using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of FinalState / FinalCell: the parts of the op, found in this folder.</summary>
internal sealed class FinalStateDescriptor : OpDescriptor<FinalStateOp>
{
    public override string Name => "FinalState, FinalCell";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("FinalState", FinalStateArguments.Hidden),
        SurfaceEntry.Node("FinalCell", FinalStateArguments.Cell),
    };

    public override IShapeRule Shape { get; } = new FinalStateRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new FinalStateTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new FinalStatePyTorch();

    public override IOnnxEmitter Onnx { get; } = new FinalStateOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new FinalStateOp(Cell: false),
        new FinalStateOp(Cell: true),
    };

    public override OpDoc Doc { get; } = new(
        "seq.FinalState(), seq.FinalCell() (seq: the output of an Lstm, Gru or Rnn)",
        "[B, numLayers * directions, hiddenSize]: the state after the last step of every layer and direction (rows layer by layer, forward then reverse: PyTorch's h_n / c_n with the batch first); FinalCell only of an Lstm. Feeds another layer's initialState: / initialCell:.",
        "`out, h_n = gru(x, h_0)` (`out, (h_n, c_n) = lstm(x, (h_0, c_0))`), as `h_n.transpose(0, 1)`",
        "`layers.GRU(H, return_state=True)` (`initial_state=`)");
}
