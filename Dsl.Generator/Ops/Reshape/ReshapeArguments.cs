using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Reshape(dims...)</c>.</summary>
internal static class ReshapeArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new ReshapeOp(call.IntArray("dims").ToEquatableArray()), self);
    }
}
