using System.Collections.Generic;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit.Onnx;

/// <summary>
/// Base of the ops' ONNX emitters (<c>Ops/&lt;Op&gt;/&lt;Op&gt;Onnx.cs</c>): casts the node's op to <typeparamref name="TOp"/>.
/// An emitter writes its nodes with <see cref="OnnxScope.Add"/>, takes its inputs from <see cref="OnnxScope.Input"/>,
/// its parameters from <see cref="OnnxScope.Weight"/> (named as the state dict names them) and writes its result to
/// <see cref="OnnxScope.Output"/>, which it returns; helper values are named by <see cref="OnnxScope.Temp"/>.
/// </summary>
internal abstract class OnnxEmitter<TOp> : IOnnxEmitter
    where TOp : Op
{
    public IReadOnlyList<string> Emit(NodeSpec node, OnnxScope scope) => EmitValues((TOp)node.Op, node, scope);

    /// <summary>The values of the result; one for every op but an application of a submodel.</summary>
    protected virtual IReadOnlyList<string> EmitValues(TOp op, NodeSpec node, OnnxScope scope) => new[] { Emit(op, node, scope) };

    /// <summary>Writes the nodes and returns the value holding the result (usually <see cref="OnnxScope.Output"/>).</summary>
    protected abstract string Emit(TOp op, NodeSpec node, OnnxScope scope);
}
