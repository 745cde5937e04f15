using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The PyTorch source of a one-input op without a module, given as one expression of its input's local: the twin of
/// <see cref="InlineTorchSharp{TOp}"/> for a trivial op's descriptor.
/// </summary>
internal sealed class InlinePyTorch<TOp> : PyTorchEmitter<TOp>
    where TOp : Op
{
    private readonly Func<TOp, string, string> forward;

    /// <param name="forward">From the op and its input's local to the Python expression computing the node.</param>
    public InlinePyTorch(Func<TOp, string, string> forward)
    {
        this.forward = forward;
    }

    protected override ForwardStep Forward(TOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) => new(forward(op, names.Local(node.Inputs[0])));
}
