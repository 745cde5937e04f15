using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Clamp(min, max)</c>: element-wise into [min, max]; a null bound is open.</summary>
internal sealed record ClampOp(double? Min, double? Max) : Op
{
    public override string Kind => "Clamp";
}
