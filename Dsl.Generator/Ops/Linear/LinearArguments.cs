using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Linear(outFeatures, bias, name)</c>.</summary>
internal static class LinearArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new LinearOp(call.Int("outFeatures", 1), call.Bool("bias")), self);
    }
}
