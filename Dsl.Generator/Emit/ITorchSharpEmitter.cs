using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The TorchSharp code of one op (its <c>Ops/&lt;Op&gt;/*TorchSharp.cs</c>): for layers (<see cref="Op.IsLayer"/>)
/// the field type and the construction expression, for every op the expression <c>forward</c> computes.
/// </summary>
internal interface ITorchSharpEmitter
{
    /// <summary>The field type of a layer (<c>global::TorchSharp.Modules.Conv2d</c>), or null for an op without a module.</summary>
    string? FieldType(Op op);

    /// <summary>The expression that constructs a layer with fresh weights, as PyTorch initializes them.</summary>
    string Construction(NodeSpec node, AnalyzedModel model);

    /// <summary>The expression computing the node from the locals of its inputs.</summary>
    ForwardStep Forward(NodeSpec node, AnalyzedModel model, MemberNames names);

    /// <summary>
    /// A statement the constructor runs once every layer is built and initialized (a tied weight taking another layer's
    /// parameter), or null (most layers).
    /// </summary>
    string? AfterLayers(NodeSpec node, AnalyzedModel model, MemberNames names);
}

/// <summary>Base of the TorchSharp emitters: casts the node's op to <typeparamref name="TOp"/>; no module unless overridden.</summary>
internal abstract class TorchSharpEmitter<TOp> : ITorchSharpEmitter
    where TOp : Op
{
    public virtual string? FieldType(Op op) => null;

    public string Construction(NodeSpec node, AnalyzedModel model) => Construction((TOp)node.Op, node, model);

    public ForwardStep Forward(NodeSpec node, AnalyzedModel model, MemberNames names) => Forward((TOp)node.Op, node, model, names);

    public string? AfterLayers(NodeSpec node, AnalyzedModel model, MemberNames names) => AfterLayers((TOp)node.Op, node, model, names);

    protected virtual string? AfterLayers(TOp op, NodeSpec node, AnalyzedModel model, MemberNames names) => null;

    protected virtual string Construction(TOp op, NodeSpec node, AnalyzedModel model) =>
        throw new InvalidOperationException($"{node.Op.Kind} is not a layer with parameters.");

    protected abstract ForwardStep Forward(TOp op, NodeSpec node, AnalyzedModel model, MemberNames names);
}
