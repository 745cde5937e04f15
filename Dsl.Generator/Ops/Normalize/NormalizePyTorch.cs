using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.normalize(x, p, dim, eps)</c>.</summary>
internal sealed class NormalizePyTorch : PyTorchEmitter<NormalizeOp>
{
    protected override ForwardStep Forward(NormalizeOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"F.normalize({names.Local(node.Inputs[0])}, p={Float(op.P)}, dim={Int(op.Dim)}, eps={Float(op.Eps)})");
}
