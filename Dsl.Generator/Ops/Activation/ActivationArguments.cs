using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Relu()</c>, <c>x.Gelu()</c>, <c>x.Exp()</c>, ... and the one-argument <c>x.LeakyRelu(negativeSlope)</c>, <c>x.Elu(alpha)</c>, <c>x.Softplus(beta)</c>.</summary>
internal static class ActivationArguments
{
    /// <summary>The reader of a function without arguments.</summary>
    public static OpReader Plain(ActivationKind kind) => call => new OpRead(new ActivationOp(kind), call.Receiver());

    /// <summary>The reader of a function with its one number argument.</summary>
    public static OpReader WithArgument(ActivationKind kind) => call =>
    {
        var self = call.Receiver();
        string name = new ActivationOp(kind).ArgumentName!;
        return new OpRead(new ActivationOp(kind, call.Double(name)), self);
    };
}
