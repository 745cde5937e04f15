using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>InstanceNormalization</c>: directly for InstanceNorm2d (scale and shift, or ones and zeros); for GroupNorm over
/// the input reshaped to [B, groups, rest] with unit scale, reshaped back, then the per-channel scale and shift.
/// </summary>
internal sealed class GroupNormOnnx : OnnxEmitter<GroupNormOp>
{
    protected override string Emit(GroupNormOp norm, NodeSpec node, OnnxScope scope)
    {
        var type = scope.InputType(0);
        long channels = type.Dims[0].Value;
        if (norm.Instance)
        {
            string scale = norm.Affine ? scope.Weight("weight", channels) : scope.Floats("ones", new[] { 1.0 }, channels);
            string shift = norm.Affine ? scope.Weight("bias", channels) : scope.Floats("zeros", new[] { 0.0 }, channels);
            scope.Add("InstanceNormalization", scope.Output, scope.Input(0), scale, shift).Float("epsilon", norm.Eps);
            return scope.Output;
        }

        string grouped = scope.Temp("grouped");
        scope.Add("Reshape", grouped, scope.Input(0), scope.Ints("group_shape", 0, norm.Groups, -1));
        string normalized = scope.Temp("normalized");
        scope.Add("InstanceNormalization", normalized, grouped, scope.Floats("ones", new[] { 1.0 }, norm.Groups), scope.Floats("zeros", new[] { 0.0 }, norm.Groups))
            .Float("epsilon", norm.Eps);
        string shape = scope.Temp("shape");
        scope.Add("Shape", shape, scope.Input(0));
        if (!norm.Affine)
        {
            scope.Add("Reshape", scope.Output, normalized, shape);
            return scope.Output;
        }

        string restored = scope.Temp("restored");
        scope.Add("Reshape", restored, normalized, shape);
        long[] perChannel = new[] { channels }.Concat(Enumerable.Repeat(1L, type.Rank - 2)).ToArray(); // [C, 1, ...] against [B, C, ...]
        string scaleShape = scope.Ints("scale_shape", perChannel);
        string scaleValues = scope.Temp("scale");
        scope.Add("Reshape", scaleValues, scope.Weight("weight", channels), scaleShape);
        string shiftValues = scope.Temp("shift");
        scope.Add("Reshape", shiftValues, scope.Weight("bias", channels), scaleShape);
        string scaled = scope.Temp("scaled");
        scope.Add("Mul", scaled, restored, scaleValues);
        scope.Add("Add", scope.Output, scaled, shiftValues);
        return scope.Output;
    }
}
