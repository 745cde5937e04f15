using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.LayerNorm(dims, eps, affine, name)</c>.</summary>
internal static class LayerNormArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new LayerNormOp(call.Int("dims", 1), call.Positive("eps"), call.Bool("affine")), self);
    }
}
