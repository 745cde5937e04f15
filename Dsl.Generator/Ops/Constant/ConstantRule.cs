using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Ops.Zeros / Ones / Full(dims...)</c> and <c>Ops.Eye(n)</c>: a float32 batch of one <c>[1, dims...]</c>
/// (<c>[1, n, n]</c>), which broadcasts against <c>[B, ...]</c>; no parameters.
/// </summary>
internal sealed class ConstantRule : ShapeRule<ConstantOp>
{
    public override bool AcceptsInputCount(int count) => count == 0;

    protected override NodeAnalysis? Infer(ConstantOp op, ShapeContext context) =>
        ShapeContext.Ok(new TensorType(op.Dims.Select(DimExpr.Of).ToEquatableArray()) { BatchOne = true });
}
