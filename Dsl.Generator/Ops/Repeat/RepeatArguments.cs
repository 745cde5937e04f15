using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Repeat(repeats...)</c>: each count at least 1.</summary>
internal static class RepeatArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        var repeats = call.IntArray("repeats").ToList();
        foreach (int count in repeats)
        {
            if (count < 1)
            {
                throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("repeats"), call.Method, $"every count must be at least 1 but one is {count}; 1 keeps an axis as it is");
            }
        }

        return new OpRead(new RepeatOp(repeats.ToEquatableArray()), self);
    }
}
