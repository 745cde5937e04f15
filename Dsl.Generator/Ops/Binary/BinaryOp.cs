namespace Dsl.Generator.Model.Ops;

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

    public string Symbol => Operator switch
    {
        BinaryKind.Add => "+",
        BinaryKind.Subtract => "-",
        BinaryKind.Divide => "/",
        _ => "*",
    };
}
