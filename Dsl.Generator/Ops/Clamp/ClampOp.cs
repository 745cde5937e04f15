namespace Dsl.Generator.Model.Ops;

/// <summary><c>x.Clamp(min, max)</c>: element-wise into [min, max]; a null bound is open.</summary>
internal sealed record ClampOp(double? Min, double? Max) : Op
{
    public override string Kind => "Clamp";
}
