using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.Concat(dim, nodes...)</c> and <c>Ops.Concat(dim, broadcast, nodes...)</c>: at least two nodes.</summary>
internal static class ConcatArguments
{
    public static OpRead Read(Call call)
    {
        int dim = call.Int("dim", int.MinValue);
        return new OpRead(new ConcatOp(dim, call.Bool("broadcast", defaultValue: false)), call.Nodes("nodes", 2));
    }
}
