using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>g.Input(name, dims...)</c>: the declared dims as a float32 [B, dims...] (int64 with <c>DType.Int64</c>); every
/// known size must be positive. A float input of rank 4 or more is an image, channels first: a feature map.
/// </summary>
internal sealed class InputRule : ShapeRule<InputOp>
{
    public override bool AcceptsInputCount(int count) => count == 0;

    protected override NodeAnalysis? Infer(InputOp op, ShapeContext context)
    {
        for (int i = 0; i < op.Dims.Count; i++)
        {
            var dim = op.Dims[i];
            if (dim.IsKnown && dim.Value < 1)
            {
                return context.InvalidArgument(null, "every size must be at least 1 but dim " + (i + 1) + " is " + dim + "; sizes exclude the batch, which is implicit");
            }
        }

        var type = new TensorType(op.Dims, op.DType);
        return ShapeContext.Ok(type, spatial: type.Rank >= 4 && op.DType == DType.Float32);
    }
}
