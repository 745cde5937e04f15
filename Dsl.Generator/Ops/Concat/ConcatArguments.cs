using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.Concat(dim, nodes...)</c>: at least two nodes.</summary>
internal static class ConcatArguments
{
    public static OpRead Read(Call call)
    {
        int dim = call.Int("dim", int.MinValue);
        var nodes = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(call.Array("nodes"), n => n as NodeRef ?? throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "An operand of Concat")));
        if (nodes.Count < 2)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Concat", $"needs at least two nodes but got {nodes.Count}");
        }

        return new OpRead(new ConcatOp(dim), nodes);
    }
}
