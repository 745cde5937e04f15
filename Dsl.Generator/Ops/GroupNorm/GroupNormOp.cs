using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>GroupNorm(groups)</c>: each sample normalized over the channels of each of <see cref="Groups"/> groups and all
/// spatial positions; <c>InstanceNorm2d()</c> (<see cref="Instance"/>): each channel of each sample over its
/// [H, W]. <see cref="Affine"/> learns a scale and shift per channel.
/// </summary>
internal sealed record GroupNormOp(int Groups, double Eps, bool Affine, bool Instance = false) : Op
{
    public override string Kind => Instance ? "InstanceNorm2d" : "GroupNorm";

    public override string NamePrefix => Instance ? "instance_norm2d" : "group_norm";

    public override bool IsLayer => true;
}
