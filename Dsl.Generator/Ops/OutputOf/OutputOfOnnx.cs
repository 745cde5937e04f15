using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>One output value of the inlined submodel (no node: the value itself).</summary>
internal sealed class OutputOfOnnx : OnnxEmitter<OutputOfOp>
{
    protected override string Emit(OutputOfOp output, NodeSpec node, OnnxScope scope)
    {
        var application = (ApplyOp)scope.Model.Spec.Nodes[node.Inputs[0]].Op;
        return scope.ValuesOf(node.Inputs[0])[OutputOfSelection.IndexIn(scope.Model.Uses[application.Use].Model!.Spec, output)];
    }
}
