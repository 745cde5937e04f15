using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Dropout(p)</c>.</summary>
internal static class DropoutArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new DropoutOp(call.Double("p")), self);
    }
}
