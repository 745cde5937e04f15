using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary>Relu, LeakyRelu, Sigmoid, Tanh: element-wise, same type; LeakyRelu's slope must be finite.</summary>
internal sealed class ActivationRule : ShapeRule<ActivationOp>
{
    protected override NodeAnalysis? Infer(ActivationOp op, ShapeContext context)
    {
        if (op.Activation == ActivationKind.LeakyRelu && (double.IsNaN(op.NegativeSlope) || double.IsInfinity(op.NegativeSlope)))
        {
            return context.InvalidArgument("negativeSlope", "negativeSlope must be a finite number but is " + ShapeContext.Text(op.NegativeSlope));
        }

        return ShapeContext.Ok(context.Input);
    }
}
