using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// x / max(||x||_p, eps), as PyTorch's F.normalize computes it: the norm along the axis (kept) by ReduceL2 / ReduceL1,
/// or for another p (sum of |x|^p)^(1/p); Max with eps; Div.
/// </summary>
internal sealed class NormalizeOnnx : OnnxEmitter<NormalizeOp>
{
    protected override string Emit(NormalizeOp op, NodeSpec node, OnnxScope scope)
    {
        long axis = AxisRange.Resolve(op.Dim, scope.InputType(0).Rank);
        string x = scope.Input(0);
        string norm = scope.Temp("norm");
        if (op.P == 2 || op.P == 1)
        {
            scope.Add(op.P == 2 ? "ReduceL2" : "ReduceL1", norm, x).Ints("axes", axis).Int("keepdims", 1);
        }
        else
        {
            string magnitude = scope.Temp("abs");
            scope.Add("Abs", magnitude, x);
            string powered = scope.Temp("powered");
            scope.Add("Pow", powered, magnitude, scope.Scalar("p", op.P));
            string sum = scope.Temp("sum");
            scope.Add("ReduceSum", sum, powered, scope.Ints("axes", axis)).Int("keepdims", 1);
            scope.Add("Pow", norm, sum, scope.Scalar("inverse_p", 1.0 / op.P));
        }

        string clamped = scope.Temp("clamped");
        scope.Add("Max", clamped, norm, scope.Scalar("eps", op.Eps));
        scope.Add("Div", scope.Output, x, clamped);
        return scope.Output;
    }
}
