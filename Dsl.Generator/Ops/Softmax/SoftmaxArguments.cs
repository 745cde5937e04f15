using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Softmax(dim)</c> and <c>x.LogSoftmax(dim)</c>.</summary>
internal static class SoftmaxArguments
{
    public static OpRead Softmax(Call call) => Read(call, log: false);

    public static OpRead LogSoftmax(Call call) => Read(call, log: true);

    private static OpRead Read(Call call, bool log)
    {
        var self = call.Receiver();
        return new OpRead(new SoftmaxOp(call.Int("dim", int.MinValue), log), self);
    }
}
