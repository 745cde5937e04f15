using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Select(dim, index)</c> (and <c>x.LastStep()</c>, which is <c>Select(1, -1)</c>): one index along a dim, which disappears.</summary>
internal sealed record SelectOp(int Dim, int Index) : Op
{
    public override string Kind => "Select";
}
