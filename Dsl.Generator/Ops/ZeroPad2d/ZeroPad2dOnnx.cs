using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Pad</c> with zeros (begins then ends of every axis), or <c>Slice</c> of rows and columns to crop (ends counted from the back).</summary>
internal sealed class ZeroPad2dOnnx : OnnxEmitter<ZeroPad2dOp>
{
    protected override string Emit(ZeroPad2dOp op, NodeSpec node, OnnxScope scope)
    {
        if (!op.Crop)
        {
            scope.Add("Pad", scope.Output, scope.Input(0), scope.Ints("pads", 0, 0, op.Top, op.Left, 0, 0, op.Bottom, op.Right));
            return scope.Output;
        }

        // An end of 0 from the back means "to the end": ONNX clamps long.MaxValue to the size.
        long End(int cropped) => cropped == 0 ? long.MaxValue : -cropped;
        scope.Add("Slice", scope.Output, scope.Input(0), scope.Ints("starts", op.Top, op.Left), scope.Ints("ends", End(op.Bottom), End(op.Right)), scope.Ints("axes", 2, 3));
        return scope.Output;
    }
}
