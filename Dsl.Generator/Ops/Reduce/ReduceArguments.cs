using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Mean(dim | dims, keepDim)</c>, <c>x.Sum(...)</c> and <c>x.Max(dim, keepDim)</c>; the axes are checked by the rule.</summary>
internal static class ReduceArguments
{
    public static OpReader For(ReduceKind reduction) => call =>
    {
        var self = call.Receiver();
        var dims = call.Value("dim") is not null
            ? EquatableArray.Create(call.Int("dim", int.MinValue))
            : call.IntArray("dims").ToEquatableArray();
        return new OpRead(new ReduceOp(reduction, dims, call.Bool("keepDim", defaultValue: false)), self);
    };
}
