using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>Python's slicing <c>x[:, start:end]</c> on the one axis; negative positions count from the back.</summary>
internal sealed class SlicePyTorch : PyTorchEmitter<SliceOp>
{
    protected override ForwardStep Forward(SliceOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        int axis = Dsl.Generator.Shapes.Axes.NonBatch(op.Dim, model.TypeOf(node.Inputs[0]))!.Value;
        string end = op.End is int e ? Int(e) : "";
        return new($"{names.Local(node.Inputs[0])}[{string.Concat(Enumerable.Repeat(":, ", axis))}{Int(op.Start)}:{end}]");
    }
}
