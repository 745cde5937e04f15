using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The PyTorch source of one op (its <c>Ops/&lt;Op&gt;/*PyTorch.cs</c>), the twin of <see cref="ITorchSharpEmitter"/>:
/// for layers (<see cref="Op.IsLayer"/>) the <c>nn</c> module built in <c>__init__</c>, for every op the expression
/// <c>forward</c> computes. Both must compute what the TorchSharp code computes (tests compare the two).
/// </summary>
internal interface IPyTorchEmitter
{
    /// <summary>The expression that constructs a layer's module (<c>nn.Conv2d(1, 32, 3)</c>); only called for layers.</summary>
    string Module(NodeSpec node, AnalyzedModel model);

    /// <summary>The Python expression computing the node from the locals of its inputs.</summary>
    ForwardStep Forward(NodeSpec node, AnalyzedModel model, PyTorchNames names);

    /// <summary>A line <c>__init__</c> runs once every module is built (a tied weight: <c>self.lm_head.weight = self.wte.weight</c>), or null.</summary>
    string? AfterModules(NodeSpec node, AnalyzedModel model, PyTorchNames names);
}

/// <summary>Base of the PyTorch emitters: casts the node's op to <typeparamref name="TOp"/>; no module unless overridden.</summary>
internal abstract class PyTorchEmitter<TOp> : IPyTorchEmitter
    where TOp : Op
{
    public string Module(NodeSpec node, AnalyzedModel model) => Module((TOp)node.Op, node, model);

    public ForwardStep Forward(NodeSpec node, AnalyzedModel model, PyTorchNames names) => Forward((TOp)node.Op, node, model, names);

    public string? AfterModules(NodeSpec node, AnalyzedModel model, PyTorchNames names) => AfterModules((TOp)node.Op, node, model, names);

    protected virtual string? AfterModules(TOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) => null;

    protected virtual string Module(TOp op, NodeSpec node, AnalyzedModel model) =>
        throw new InvalidOperationException($"{node.Op.Kind} is not a layer with parameters.");

    protected abstract ForwardStep Forward(TOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names);
}
