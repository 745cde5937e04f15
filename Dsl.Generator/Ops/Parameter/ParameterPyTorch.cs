using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.Parameter</c>, registered under the node's name with <c>register_parameter</c>.</summary>
internal sealed class ParameterPyTorch : PyTorchEmitter<ParameterOp>
{
    protected override string Module(ParameterOp op, NodeSpec node, AnalyzedModel model)
    {
        string shape = string.Join(", ", System.Linq.Enumerable.Select(op.Shape, Int));
        string values = op.Init switch
        {
            "Ones" => $"torch.ones({shape})",
            "Normal" => op.Std == 1 ? $"torch.randn({shape})" : $"torch.randn({shape}) * {Float(op.Std)}",
            _ => $"torch.zeros({shape})",
        };
        return $"nn.Parameter({values})";
    }

    protected override ForwardStep Forward(ParameterOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        // A later application of a shared block reads the first application's parameter.
        string name = node.SharedWith >= 0 ? model.Spec.Nodes[node.SharedWith].Name : node.Name;
        return new(PyTorchNames.IsPlainAttribute(name) ? "self." + name : $"getattr(self, {Str(name)})");
    }
}
