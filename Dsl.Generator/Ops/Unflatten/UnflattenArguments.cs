using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Unflatten(dim, sizes...)</c>: at least one size, each at least 1 or -1 (inferred, once).</summary>
internal static class UnflattenArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        int dim = call.Int("dim", int.MinValue);
        var sizes = call.IntArray("sizes").ToList();
        if (sizes.Count == 0)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, call.Kind, "give the sizes the axis becomes, e.g. Unflatten(1, 3, 4)");
        }

        if (sizes.Any(s => s == 0 || s < -1) || sizes.Count(s => s == -1) > 1)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("sizes"), call.Kind, "each size must be at least 1, and one of them may be -1 (inferred); got (" + string.Join(", ", sizes) + ")");
        }

        return new OpRead(new UnflattenOp(dim, sizes.ToEquatableArray()), self);
    }
}
