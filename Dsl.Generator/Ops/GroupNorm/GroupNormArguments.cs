using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.GroupNorm(groups, eps, affine, name)</c> and <c>x.InstanceNorm2d(eps, affine, name)</c> (affine off by default, as PyTorch).</summary>
internal static class GroupNormArguments
{
    public static OpRead Group(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new GroupNormOp(call.Int("groups", 1), call.Positive("eps"), call.Bool("affine")), self);
    }

    public static OpRead Instance2d(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new GroupNormOp(1, call.Positive("eps"), call.Bool("affine", defaultValue: false), Instance: true), self);
    }
}
