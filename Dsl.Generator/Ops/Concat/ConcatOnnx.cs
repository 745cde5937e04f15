using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Concat</c> of the operands along the axis.</summary>
internal sealed class ConcatOnnx : OnnxEmitter<ConcatOp>
{
    protected override string Emit(ConcatOp concat, NodeSpec node, OnnxScope scope)
    {
        scope.Add("Concat", scope.Output, Enumerable.Range(0, node.Inputs.Count).Select(scope.Input).ToArray()).Int("axis", concat.Dim);
        return scope.Output;
    }
}
