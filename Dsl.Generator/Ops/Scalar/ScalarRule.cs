using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary>A node combined with a constant (<c>1 - x</c>, <c>x * 0.5</c>): element-wise, same type.</summary>
internal sealed class ScalarRule : ShapeRule<ScalarOp>
{
    protected override NodeAnalysis? Infer(ScalarOp op, ShapeContext context) => ShapeContext.Ok(context.Input);
}
