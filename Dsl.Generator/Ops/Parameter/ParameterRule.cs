using Dsl.Generator.Model;
using System.Linq;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>g.Parameter(name, dims...)</c>: a batch of one, <c>[1, dims...]</c> float32 (it broadcasts against
/// <c>[B, dims...]</c>); every element is a trainable parameter.
/// </summary>
internal sealed class ParameterRule : ShapeRule<ParameterOp>
{
    public override bool AcceptsInputCount(int count) => count == 0;

    protected override NodeAnalysis? Infer(ParameterOp op, ShapeContext context)
    {
        long count = 1;
        foreach (int dim in op.Dims)
        {
            count = SizeLimits.Multiply(count, dim);
        }

        return ShapeContext.Ok(new TensorType(op.Dims.Select(DimExpr.Of).ToEquatableArray()) { BatchOne = true }, trainable: count);
    }
}
