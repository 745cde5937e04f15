using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary>
/// Element-wise functions: same type. Softplus' beta must not be 0; that every number argument is finite is
/// checked where it is read (<see cref="Dsl.Generator.Ops.ActivationArguments"/>).
/// </summary>
internal sealed class ActivationRule : ShapeRule<ActivationOp>
{
    protected override NodeAnalysis? Infer(ActivationOp op, ShapeContext context)
    {
        if (op.Activation == ActivationKind.Softplus && op.Argument == 0)
        {
            return context.InvalidArgument("beta", "beta must not be 0 (Softplus divides by it)");
        }

        return ShapeContext.Ok(context.Input);
    }
}
