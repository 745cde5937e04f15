using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Permute(dims...)</c>; the order is checked against the input's rank by the rule.</summary>
internal static class PermuteArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new PermuteOp(call.IntArray("dims").ToEquatableArray()), self);
    }
}
