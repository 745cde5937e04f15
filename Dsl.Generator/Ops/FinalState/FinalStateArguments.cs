using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>seq.FinalState()</c> and <c>seq.FinalCell()</c> (no arguments: the receiver is the recurrent layer's output).</summary>
internal static class FinalStateArguments
{
    public static OpRead Hidden(Call call) => new(new FinalStateOp(Cell: false), call.Receiver());

    public static OpRead Cell(Call call) => new(new FinalStateOp(Cell: true), call.Receiver());
}
