using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Dropout(p)</c>, <c>x.Dropout1d(p)</c> and <c>x.Dropout2d(p)</c>.</summary>
internal static class DropoutArguments
{
    public static OpRead Read(Call call) => Read(call, 0);

    public static OpRead Read1d(Call call) => Read(call, 1);

    public static OpRead Read2d(Call call) => Read(call, 2);

    private static OpRead Read(Call call, int spatialRank)
    {
        var self = call.Receiver();
        return new OpRead(new DropoutOp(call.Double("p"), spatialRank), self);
    }
}
