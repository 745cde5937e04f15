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
        // tiedTo is required in its overload, so it is written exactly when the tied form is called; a null there is an error, not an untied layer.
        int tiedTo = System.Linq.Enumerable.Any(call.ArgSites(), a => a.Parameter == "tiedTo") ? call.Node("tiedTo").Id : -1;
        return new OpRead(new LinearOp(call.Int("outFeatures", 1), call.Bool("bias", defaultValue: tiedTo < 0), tiedTo), self);
    }
}
