using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.LayerNorm</c> module over the normalized dimensions' sizes.</summary>
internal sealed class LayerNormPyTorch : PyTorchEmitter<LayerNormOp>
{
    protected override string Module(LayerNormOp norm, NodeSpec node, AnalyzedModel model)
    {
        var dims = model.TypeOf(node.Inputs[0]).Dims;
        string shape = string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.Skip(dims, dims.Count - norm.Dims), d => Int(d.Value)));
        return $"nn.LayerNorm([{shape}], eps={Float(norm.Eps)}, elementwise_affine={Bool(norm.Affine)})";
    }

    protected override ForwardStep Forward(LayerNormOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Layer(node.Id)}({names.Local(node.Inputs[0])})");
}
