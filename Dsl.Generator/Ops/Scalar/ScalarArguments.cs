using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>-x</c> (as <c>0 - x</c>); a node with a number (<c>1 - x</c>) is read by <see cref="BinaryArguments"/>.</summary>
internal static class ScalarArguments
{
    public static OpRead Negate(Call call) => call.Operands[0] is NodeRef node
        ? new OpRead(new ScalarOp(BinaryKind.Subtract, 0, ScalarOnLeft: true), node)
        : throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "The operand of '" + Interpreter.Text(call.At) + "'");
}
