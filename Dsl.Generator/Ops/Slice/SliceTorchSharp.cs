using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.slice(dim, start, end, 1)</c>; libtorch counts negative positions from the back, as Python does.</summary>
internal sealed class SliceTorchSharp : TorchSharpEmitter<SliceOp>
{
    protected override ForwardStep Forward(SliceOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        int axis = Dsl.Generator.Shapes.Axes.NonBatch(op.Dim, model.TypeOf(node.Inputs[0]))!.Value;
        string end = op.End is int e ? Lit(e) : "long.MaxValue";
        return new($"{names.Local(node.Inputs[0])}.slice({Lit(axis)}, {Lit(op.Start)}, {end}, 1)");
    }
}
