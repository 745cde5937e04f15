using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

internal enum BinaryKind
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary><c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c> on two nodes (shapes that broadcast).</summary>
internal sealed record BinaryOp(BinaryKind Operator) : Op
{
    public override string Kind => Operator.ToString();

    /// <summary>A sum or difference: its backward needs neither the inputs nor the result (a product or quotient keeps its inputs, still not the result, but stays out of the measured case).</summary>
    public override bool WritesFreshOutput => Operator is BinaryKind.Add or BinaryKind.Subtract;

    public string Symbol => Operator switch
    {
        BinaryKind.Add => "+",
        BinaryKind.Subtract => "-",
        BinaryKind.Divide => "/",
        _ => "*",
    };
}
