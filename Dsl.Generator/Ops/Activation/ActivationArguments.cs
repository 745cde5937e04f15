using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Relu()</c>, <c>x.Sigmoid()</c>, <c>x.Tanh()</c>, <c>x.LeakyRelu(negativeSlope)</c>.</summary>
internal static class ActivationArguments
{
    public static OpRead Relu(Call call) => new(new ActivationOp(ActivationKind.Relu), call.Receiver());

    public static OpRead Sigmoid(Call call) => new(new ActivationOp(ActivationKind.Sigmoid), call.Receiver());

    public static OpRead Tanh(Call call) => new(new ActivationOp(ActivationKind.Tanh), call.Receiver());

    public static OpRead LeakyRelu(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new ActivationOp(ActivationKind.LeakyRelu, call.Double("negativeSlope")), self);
    }
}
