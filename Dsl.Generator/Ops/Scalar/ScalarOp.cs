using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>A node combined with a constant: <c>1 - x</c> (<see cref="ScalarOnLeft"/>), <c>x * 0.5</c>, <c>x / 2</c>; negation is <c>0 - x</c>.</summary>
internal sealed record ScalarOp(BinaryKind Operator, double Scalar, bool ScalarOnLeft) : Op
{
    public override string Kind => "Scalar" + Operator;

    public override string NamePrefix => "scalar";
}
