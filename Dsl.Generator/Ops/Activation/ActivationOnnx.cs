using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// Each function as the ONNX op of that name where opset 17 has one, else composed as PyTorch defines it: Gelu (exact,
/// erf), Silu, Mish, Relu6 (a Clip), Softplus with a beta (softplus(beta x) / beta).
/// </summary>
internal sealed class ActivationOnnx : OnnxEmitter<ActivationOp>
{
    protected override string Emit(ActivationOp activation, NodeSpec node, OnnxScope scope)
    {
        string x = scope.Input(0);
        string y = scope.Output;
        switch (activation.Activation)
        {
            case ActivationKind.LeakyRelu:
                scope.Add("LeakyRelu", y, x).Float("alpha", activation.Argument);
                break;
            case ActivationKind.Elu:
                scope.Add("Elu", y, x).Float("alpha", activation.Argument);
                break;
            case ActivationKind.Selu:
                // PyTorch's constants (ONNX's defaults are the same numbers rounded to float).
                scope.Add("Selu", y, x).Float("alpha", 1.6732632423543772).Float("gamma", 1.0507009873554805);
                break;
            case ActivationKind.Gelu:
                // 0.5 x (1 + erf(x / sqrt(2))): Gelu is an ONNX op only from opset 20.
                string erf = scope.Temp("erf");
                scope.Add("Erf", erf, Binary(scope, "Div", "scaled", x, scope.Scalar("sqrt2", 1.4142135623730951)));
                string half = Binary(scope, "Mul", "half_x", x, scope.Scalar("half", 0.5));
                scope.Add("Mul", y, half, Binary(scope, "Add", "one_plus_erf", erf, scope.Scalar("one", 1.0)));
                break;
            case ActivationKind.Silu:
                string sigmoid = scope.Temp("sigmoid");
                scope.Add("Sigmoid", sigmoid, x);
                scope.Add("Mul", y, x, sigmoid);
                break;
            case ActivationKind.Mish:
                string softplus = scope.Temp("softplus");
                scope.Add("Softplus", softplus, x);
                string tanh = scope.Temp("tanh");
                scope.Add("Tanh", tanh, softplus);
                scope.Add("Mul", y, x, tanh);
                break;
            case ActivationKind.Softplus when activation.Argument != 1.0:
                string beta = scope.Scalar("beta", activation.Argument);
                string inner = scope.Temp("softplus");
                scope.Add("Softplus", inner, Binary(scope, "Mul", "beta_x", x, beta));
                scope.Add("Div", y, inner, beta);
                break;
            case ActivationKind.Pow:
                scope.Add("Pow", y, x, scope.Scalar("exponent", activation.Argument));
                break;
            case ActivationKind.Relu6:
                scope.Add("Clip", y, x, scope.Scalar("min", 0.0), scope.Scalar("max", 6.0));
                break;
            default:
                scope.Add(OpType(activation.Activation), y, x);
                break;
        }

        return y;
    }

    /// <summary>The ONNX op of a function that has one of its own.</summary>
    private static string OpType(ActivationKind kind) => kind switch
    {
        ActivationKind.Relu => "Relu",
        ActivationKind.Sigmoid => "Sigmoid",
        ActivationKind.Tanh => "Tanh",
        ActivationKind.Softplus => "Softplus",
        ActivationKind.Hardswish => "HardSwish",
        ActivationKind.Exp => "Exp",
        ActivationKind.Log => "Log",
        ActivationKind.Sqrt => "Sqrt",
        ActivationKind.Abs => "Abs",
        _ => throw new System.InvalidOperationException($"Unknown activation {kind}."),
    };

    private static string Binary(OnnxScope scope, string opType, string suffix, string a, string b)
    {
        string result = scope.Temp(suffix);
        scope.Add(opType, result, a, b);
        return result;
    }
}
