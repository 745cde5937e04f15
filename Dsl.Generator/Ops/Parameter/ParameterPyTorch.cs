using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// An <c>nn.Parameter</c> assigned as the reference code writes it (<c>self.cls_token = nn.Parameter(...)</c>); a name
/// that is no plain attribute (<c>eval</c>, a member of nn.Module) goes straight into <c>_parameters</c>.
/// </summary>
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
        return new(Read(name));
    }

    /// <summary>The statement of <c>__init__</c> registering <paramref name="parameter"/> under <paramref name="name"/>.</summary>
    public static string Register(string name, string parameter) =>
        PyTorchNames.IsPlainAttribute(name) ? $"self.{name} = {parameter}" : $"self._parameters[{Str(name)}] = {parameter}";

    private static string Read(string name) => PyTorchNames.IsPlainAttribute(name) ? "self." + name : $"self._parameters[{Str(name)}]";
}
