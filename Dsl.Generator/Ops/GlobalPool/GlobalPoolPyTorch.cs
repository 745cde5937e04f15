using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The mean (<c>mean</c>) or maximum (<c>amax</c>) over the spatial dimensions.</summary>
internal sealed class GlobalPoolPyTorch : PyTorchEmitter<GlobalPoolOp>
{
    protected override ForwardStep Forward(GlobalPoolOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.{(op.Pool == PoolKind.Max ? "amax" : "mean")}({Tuple(Enumerable.Range(2, op.SpatialRank).Select(a => (long)a))})");
}
