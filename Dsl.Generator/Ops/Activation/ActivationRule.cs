using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// Element-wise functions: same type. Softplus' beta must not be 0; that every number argument is finite is
/// checked where it is read (<see cref="Dsl.Generator.Ops.ActivationArguments"/>).
/// </summary>
internal sealed class ActivationRule : SameTypeRule<ActivationOp>
{
    protected override bool Check(ActivationOp op, ShapeContext context) =>
        op.Activation != ActivationKind.Softplus || op.Argument != 0 || context.Reject("beta", "beta must not be 0 (Softplus divides by it)");
}
