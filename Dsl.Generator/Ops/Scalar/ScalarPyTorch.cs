using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The Python operator between a tensor and a float literal.</summary>
internal sealed class ScalarPyTorch : PyTorchEmitter<ScalarOp>
{
    protected override ForwardStep Forward(ScalarOp scalar, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string symbol = new BinaryOp(scalar.Operator).Symbol;
        string constant = Float(scalar.Scalar);
        constant = constant.StartsWith("-", System.StringComparison.Ordinal) ? "(" + constant + ")" : constant;
        return new ForwardStep(scalar.ScalarOnLeft ? $"{constant} {symbol} {x}" : $"{x} {symbol} {constant}");
    }
}
