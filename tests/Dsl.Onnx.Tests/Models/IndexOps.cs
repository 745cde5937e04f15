using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Token ids [B, 3, 4] moved before they are embedded: Transpose, Permute, Reshape, Flatten and Select keep them int64,
/// so each branch ends in an Embedding (ids below the test's vocabulary).
/// </summary>
[Model]
public partial class IndexOps
{
    static void Define(Graph g)
    {
        var ids = g.Input("ids", DType.Int64, 3, 4);
        var transposed = ids.Transpose(1, 2).Flatten().Embedding(16, 5, name: "by_column");        // [B, 12, 5]
        var permuted = ids.Permute(0, 2, 1).Reshape(2, 6).Select(1, 0).Embedding(16, 5, name: "first_half"); // [B, 6, 5]
        var row = ids.Select(1, -1).Embedding(16, 5, name: "last_row");                           // [B, 4, 5]
        g.Output("columns", transposed);
        g.Output("half", permuted);
        g.Output("row", row);
    }
}
