using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Transpose</c> with the identity permutation but the two axes swapped.</summary>
internal sealed class TransposeOnnx : OnnxEmitter<TransposeOp>
{
    protected override string Emit(TransposeOp op, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        int a = Axes.FromFront(op.Dim0, input.Rank);
        int b = Axes.FromFront(op.Dim1, input.Rank);
        var perm = Enumerable.Range(0, input.Rank).Select(i => (long)(i == a ? b : i == b ? a : i)).ToArray();
        scope.Add("Transpose", scope.Output, scope.Input(0)).Ints("perm", perm);
        return scope.Output;
    }
}
