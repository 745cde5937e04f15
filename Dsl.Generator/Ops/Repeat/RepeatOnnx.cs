using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Tile</c> with 1 for the batch.</summary>
internal sealed class RepeatOnnx : OnnxEmitter<RepeatOp>
{
    protected override string Emit(RepeatOp op, NodeSpec node, OnnxScope scope)
    {
        scope.Add("Tile", scope.Output, scope.Input(0), scope.Ints("repeats", new long[] { 1 }.Concat(op.Repeats.Select(r => (long)r)).ToArray()));
        return scope.Output;
    }
}
