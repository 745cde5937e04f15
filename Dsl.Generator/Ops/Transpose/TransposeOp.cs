using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Transpose(dim0, dim1)</c>: swaps two non-batch axes.</summary>
internal sealed record TransposeOp(int Dim0, int Dim1) : Op
{
    public override string Kind => "Transpose";
}
