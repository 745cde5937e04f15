using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.Zeros(dims...)</c>, <c>Ops.Ones(dims...)</c>, <c>Ops.Full(value, dims...)</c> and <c>Ops.Eye(n)</c>.</summary>
internal static class ConstantArguments
{
    public static OpRead Zeros(Call call) => new(new ConstantOp(ConstantFill.Zeros, Dims(call)));

    public static OpRead Ones(Call call) => new(new ConstantOp(ConstantFill.Ones, Dims(call)));

    public static OpRead Full(Call call) => new(new ConstantOp(ConstantFill.Full, Dims(call), call.Double("value")));

    public static OpRead Eye(Call call)
    {
        int n = call.Int("n", min: 1);
        return new(new ConstantOp(ConstantFill.Eye, EquatableArray.Create(n, n)));
    }

    /// <summary>The sizes after the leading 1: each at least 1.</summary>
    private static EquatableArray<int> Dims(Call call)
    {
        var dims = call.IntArray("dims").ToList();
        foreach (int size in dims)
        {
            if (size < 1)
            {
                throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("dims"), call.Method, $"every size must be at least 1 but one is {size}; the sizes follow the leading 1 (the batch of one)");
            }
        }

        return dims.ToEquatableArray();
    }
}
