using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Transpose</c> with the permutation (negative dims counted from the back).</summary>
internal sealed class PermuteOnnx : OnnxEmitter<PermuteOp>
{
    protected override string Emit(PermuteOp op, NodeSpec node, OnnxScope scope)
    {
        int rank = scope.InputType(0).Rank;
        scope.Add("Transpose", scope.Output, scope.Input(0)).Ints("perm", op.Dims.Select(d => (long)(d < 0 ? rank + d : d)).ToArray());
        return scope.Output;
    }
}
