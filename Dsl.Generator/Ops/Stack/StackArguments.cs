using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.Stack(dim, nodes...)</c>: at least two nodes.</summary>
internal static class StackArguments
{
    public static OpRead Read(Call call)
    {
        int dim = call.Int("dim", int.MinValue);
        return new OpRead(new StackOp(dim), call.Nodes("nodes", 2));
    }
}
