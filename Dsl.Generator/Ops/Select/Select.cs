using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Select and LastStep: the parts of the op, found in this folder.</summary>
internal sealed class SelectDescriptor : OpDescriptor<SelectOp>
{
    public override string Name => "Select, LastStep";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Select", SelectArguments.Select),
        SurfaceEntry.Node("LastStep", SelectArguments.LastStep),
    };

    public override IShapeRule Shape { get; } = new SelectRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new SelectTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new SelectPyTorch();

    public override IOnnxEmitter Onnx { get; } = new SelectOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new SelectOp(1, -1),
        new SelectOp(-1, 0),
    };

    /// <summary>Selecting on the feature axis removes it; an axis before it shifts it down.</summary>
    protected override FeatureLayout LayoutOf(SelectOp op) => FeatureLayout.MovedFromInput((f, rank, _) =>
    {
        int dim = Axes.FromFront(op.Dim, rank + 1);
        return dim == f ? null : dim < f ? f - 1 : f;
    });

    public override OpDoc Doc { get; } = new(
        "x.Select(dim, index), x.LastStep()",
        "Removes the non-batch axis dim, keeping position index (negative from the end); LastStep() is Select(1, -1): [B, T, F] to [B, F], the last step of a sequence.",
        "`x.select(dim, index)`, `x[:, -1]`",
        "`x[:, index]`; `layers.LSTM(..., return_sequences=False)` for the last step");
}
