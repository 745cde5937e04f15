using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Expand(sizes...)</c> and <c>x.Expand(batchOf, sizes...)</c>.</summary>
internal static class ExpandArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        var sizes = call.IntArray("sizes").ToEquatableArray();
        return call.Value("batchOf") is null
            ? new OpRead(new ExpandOp(sizes, BatchOf: false), self)
            : new OpRead(new ExpandOp(sizes, BatchOf: true), self, call.Node("batchOf"));
    }
}
