namespace Dsl.Generator.Model.Ops;

/// <summary><c>Dropout(p)</c>: identity in eval mode.</summary>
internal sealed record DropoutOp(double P) : Op
{
    public override string Kind => "Dropout";
}
