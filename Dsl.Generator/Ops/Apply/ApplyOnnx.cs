using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>The used model's graph inlined (frozen or not: inference is the same); its weights keep the use's prefix.</summary>
internal sealed class ApplyOnnx : OnnxEmitter<ApplyOp>
{
    protected override IReadOnlyList<string> EmitValues(ApplyOp apply, NodeSpec node, OnnxScope scope) =>
        scope.Apply(apply.Use, Enumerable.Range(0, node.Inputs.Count).Select(scope.Input).ToList());

    protected override string Emit(ApplyOp apply, NodeSpec node, OnnxScope scope) =>
        throw new System.InvalidOperationException("An application yields one value per output of the submodel.");
}
