using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>The mean (<c>mean</c>) or maximum (<c>amax</c>) over the spatial dimensions.</summary>
internal sealed class GlobalPoolTorchSharp : TorchSharpEmitter<GlobalPoolOp>
{
    protected override ForwardStep Forward(GlobalPoolOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string axes = string.Join(", ", Enumerable.Range(2, op.SpatialRank));
        return new($"{names.Local(node.Inputs[0])}.{(op.Pool == PoolKind.Max ? "amax" : "mean")}(new long[] {{ {axes} }})");
    }
}
