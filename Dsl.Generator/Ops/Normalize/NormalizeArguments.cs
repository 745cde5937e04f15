using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Normalize(p, dim, eps)</c>: p positive and finite, eps finite and at least 0.</summary>
internal static class NormalizeArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        double p = call.Positive("p");
        double eps = call.Double("eps");
        if (eps < 0)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("eps"), call.Kind, "'eps' must be a finite number of at least 0 (PyTorch's default 1e-12)");
        }

        return new OpRead(new NormalizeOp(p, call.Int("dim", int.MinValue), eps), self);
    }
}
