using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Clamp(min, max)</c>: each bound a finite number or null; their order is checked by the rule.</summary>
internal static class ClampArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        double? min = call.Value("min") is null ? null : call.Double("min");
        double? max = call.Value("max") is null ? null : call.Double("max");
        return new OpRead(new ClampOp(min, max), self);
    }
}
