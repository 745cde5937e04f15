using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// Piece <see cref="Index"/> of <c>x.Split(sizes, dim)</c> (<see cref="Sizes"/>) or <c>x.Chunk(chunks, dim)</c>
/// (<see cref="Chunks"/>; Sizes empty). Each piece carries the whole split, so its rule checks it; piece 0 reports.
/// </summary>
internal sealed record SplitOp(int Dim, EquatableArray<int> Sizes, int Chunks, int Index) : Op
{
    public override string Kind => Chunks > 0 ? "Chunk" : "Split";

    /// <summary>The number of pieces.</summary>
    public int Count => Chunks > 0 ? Chunks : Sizes.Count;
}
