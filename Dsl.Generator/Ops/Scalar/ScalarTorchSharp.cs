using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>The C# operator between a tensor and a double literal.</summary>
internal sealed class ScalarTorchSharp : TorchSharpEmitter<ScalarOp>
{
    protected override ForwardStep Forward(ScalarOp scalar, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string symbol = new BinaryOp(scalar.Operator).Symbol;
        string constant = Names.DoubleLiteral(scalar.Scalar);
        if (scalar.Scalar < 0 || constant.StartsWith("-", System.StringComparison.Ordinal))
        {
            constant = "(" + constant + ")";
        }

        return new ForwardStep(scalar.ScalarOnLeft ? $"{constant} {symbol} {x}" : $"{x} {symbol} {constant}");
    }
}
