using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>x.RandomNormalLike()</c>: float32 noise of x's shape (x's values are not read, and no gradient flows to it).</summary>
internal sealed class RandomNormalLikeRule : ShapeRule<RandomNormalLikeOp>
{
    protected override NodeAnalysis? Infer(RandomNormalLikeOp op, ShapeContext context) => ShapeContext.Ok(new TensorType(context.Input.Dims));
}
