using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Range(0, n, 1)</c> with n read by <c>Shape</c> at run time (so a symbolic length works), then
/// <c>Unsqueeze</c> to <c>[1, n]</c>; Range takes scalars, made by <c>Squeeze</c> of one-element constants.
/// </summary>
internal sealed class PositionsOnnx : OnnxEmitter<PositionsOp>
{
    protected override string Emit(PositionsOp op, NodeSpec node, OnnxScope scope)
    {
        int axis = op.Axis < 0 ? scope.InputType(0).Rank + op.Axis : op.Axis;
        string size = scope.Temp("size");
        scope.Add("Shape", size, scope.Input(0)).Int("start", axis).Int("end", axis + 1);
        string zero = scope.Ints("axis0", 0);
        string Scalar(string suffix, string vector)
        {
            string scalar = scope.Temp(suffix);
            scope.Add("Squeeze", scalar, vector, zero);
            return scalar;
        }

        string range = scope.Temp("range");
        scope.Add("Range", range, Scalar("start", scope.Ints("zero", 0)), Scalar("limit", size), Scalar("delta", scope.Ints("one", 1)));
        scope.Add("Unsqueeze", scope.Output, range, zero);
        return scope.Output;
    }
}
