using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c>: two nodes give a <see cref="BinaryOp"/>, a node and a number a <see cref="ScalarOp"/>.</summary>
internal static class BinaryArguments
{
    public static OpRead Operator(Call call)
    {
        var kind = call.Operator switch
        {
            "op_Addition" => BinaryKind.Add,
            "op_Subtraction" => BinaryKind.Subtract,
            "op_Multiply" => BinaryKind.Multiply,
            "op_Division" => BinaryKind.Divide,
            _ => throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "operator " + call.Operator),
        };

        return (call.Operands[0], call.Operands[1]) switch
        {
            (NodeRef a, NodeRef b) => new OpRead(new BinaryOp(kind), a, b),
            (NodeRef a, var b) when Interpreter.IsNumber(b) => new OpRead(new ScalarOp(kind, Divisor(call, kind, call.FiniteOperand(b)), ScalarOnLeft: false), a),
            (var a, NodeRef b) when Interpreter.IsNumber(a) => new OpRead(new ScalarOp(kind, call.FiniteOperand(a), ScalarOnLeft: true), b),
            _ => throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "An operand of '" + Interpreter.Text(call.At) + "'"),
        };
    }

    /// <summary>The constant of <c>x op c</c>; dividing by the constant 0 is an error at the operator.</summary>
    private static double Divisor(Call call, BinaryKind kind, double value) => kind == BinaryKind.Divide && value == 0
        ? throw new InterpretationError(Descriptors.EvaluationFailed, call.At.Syntax, Interpreter.Text(call.At), "it divides by the constant 0")
        : value;
}
