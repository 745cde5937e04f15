using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.Conv1d/2d/3d(outChannels, kernelSize, stride, padding, bias, name, groups, dilation)</c> and
/// <c>x.ConvTranspose1d/2d(..., outputPadding)</c>; kernel size, stride and dilation are an int (every axis) or a
/// tuple of one int per spatial axis.
/// </summary>
internal static class ConvArguments
{
    public static OpRead Conv1d(Call call) => Read(call, 1, transposed: false);

    public static OpRead Conv2d(Call call) => Read(call, 2, transposed: false);

    public static OpRead Conv3d(Call call) => Read(call, 3, transposed: false);

    public static OpRead ConvTranspose1d(Call call) => Read(call, 1, transposed: true);

    public static OpRead ConvTranspose2d(Call call) => Read(call, 2, transposed: true);

    private static OpRead Read(Call call, int rank, bool transposed)
    {
        var self = call.Receiver();
        var op = new ConvOp(
            call.Int("outChannels", 1),
            call.IntsPerAxis("kernelSize", rank, 1)!.Value,
            call.IntsPerAxis("stride", rank, 1, 1)!.Value,
            call.Padding("padding", causal: rank == 1 && !transposed),
            call.Bool("bias"),
            call.Int("groups", 1),
            call.IntsPerAxis("dilation", rank, 1, 1)!.Value,
            transposed,
            transposed ? call.IntsPerAxis("outputPadding", rank, 0, 0)!.Value : default);
        return new OpRead(op, self);
    }
}
