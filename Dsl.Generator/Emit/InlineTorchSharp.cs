using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The TorchSharp code of a one-input op without a module, given as one expression of its input's local: lets a
/// trivial op's descriptor hold its emitter inline (<c>new InlineTorchSharp&lt;FlipOp&gt;((flip, x) =&gt; $"{x}.flip(...)")</c>).
/// </summary>
internal sealed class InlineTorchSharp<TOp> : TorchSharpEmitter<TOp>
    where TOp : Op
{
    private readonly Func<TOp, string, string> forward;

    /// <param name="forward">From the op and its input's local to the expression computing the node.</param>
    public InlineTorchSharp(Func<TOp, string, string> forward)
    {
        this.forward = forward;
    }

    protected override ForwardStep Forward(TOp op, NodeSpec node, AnalyzedModel model, MemberNames names) => new(forward(op, names.Local(node.Inputs[0])));
}
