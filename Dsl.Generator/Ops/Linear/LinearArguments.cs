using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Linear(outFeatures, bias, name)</c> and the tied form <c>x.Linear(outFeatures, tiedTo: wte, bias: false)</c>.</summary>
internal static class LinearArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        // The tied overload's bias defaults to false (GPT-2's head has none); the argument carries its default.
        int tiedTo = call.Value("tiedTo") is null ? -1 : call.Node("tiedTo").Id;
        return new OpRead(new LinearOp(call.Int("outFeatures", 1), call.Bool("bias", defaultValue: tiedTo < 0), tiedTo), self);
    }
}
