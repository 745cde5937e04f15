using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>A <c>Constant</c> of one repeated value; the identity is <c>EyeLike</c> of an n x n constant (no n^2 literals).</summary>
internal sealed class ConstantOnnx : OnnxEmitter<ConstantOp>
{
    protected override string Emit(ConstantOp op, NodeSpec node, OnnxScope scope)
    {
        if (op.Fill == ConstantFill.Eye)
        {
            string square = scope.Floats("square", new[] { 0.0 }, op.Dims[0], op.Dims[1]);
            string eye = scope.Temp("eye");
            scope.Add("EyeLike", eye, square);
            scope.Add("Unsqueeze", scope.Output, eye, scope.Ints("axes", 0));
            return scope.Output;
        }

        double value = op.Fill switch
        {
            ConstantFill.Ones => 1,
            ConstantFill.Full => op.Value,
            _ => 0,
        };
        scope.Add("Identity", scope.Output, scope.Floats("value", new[] { value }, op.Shape));
        return scope.Output;
    }
}
