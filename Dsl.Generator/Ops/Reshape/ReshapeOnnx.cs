using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Reshape</c> to the inferred sizes; 0 keeps the batch, -1 stands for one symbolic size.</summary>
internal sealed class ReshapeOnnx : OnnxEmitter<ReshapeOp>
{
    protected override string Emit(ReshapeOp reshape, NodeSpec node, OnnxScope scope)
    {
        var dims = scope.Model.TypeOf(node.Id).Dims;
        if (dims.Count(d => !d.IsKnown) > 1)
        {
            throw new OnnxUnsupportedException($"Reshape '{node.Name}' has more than one symbolic size ({scope.Model.TypeOf(node.Id).ShapeText}); ONNX's Reshape infers at most one.");
        }

        string shape = scope.Ints("shape", new long[] { 0 }.Concat(dims.Select(d => d.IsKnown ? (long)d.Value : -1)).ToArray());
        scope.Add("Reshape", scope.Output, scope.Input(0), shape);
        return scope.Output;
    }
}
