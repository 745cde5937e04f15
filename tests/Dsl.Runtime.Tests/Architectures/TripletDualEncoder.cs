using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A dual encoder for retrieval trained with in-batch negatives (VSE / VSE++, Faghri et al. 2018): a query tower and a
/// document tower, each an MLP whose output is L2-normalized, the [B, B] cosine similarities of every query against
/// every document (<c>Ops.BatchSimilarity</c>), and the triplet hinge of each query's own document against the batch's
/// other documents, averaged over them and, as a second term, the hardest one only (<c>Loss.InBatchTriplet</c>).
/// </summary>
[Model]
[PyTorchParity]
public partial class TripletDualEncoder
{
    public const int QueryFeatures = 10, DocumentFeatures = 12, Width = 16, Embedding = 8;

    static void Define(Graph g)
    {
        var query = g.Input("query", QueryFeatures);                                 // [B, 10]
        var document = g.Input("document", DocumentFeatures);                        // [B, 12]
        var queryEmbedding = query.Linear(Width, name: "query_tower.fc").Relu()
            .Linear(Embedding, name: "query_tower.proj").Normalize(dim: -1);          // [B, 8], unit rows
        var documentEmbedding = document.Linear(Width, name: "document_tower.fc").Relu()
            .Linear(Embedding, name: "document_tower.proj").Normalize(dim: -1);       // [B, 8]
        g.Output("query_embedding", queryEmbedding);
        g.Output("document_embedding", documentEmbedding);

        var similarity = Ops.BatchSimilarity(queryEmbedding, documentEmbedding);     // [B, B] cosines
        g.Loss("triplet", similarity, Loss.InBatchTriplet(margin: 0.2));
        g.Loss("hardest", similarity, Loss.InBatchTriplet(margin: 0.1, hardest: true), weight: 0.5);
    }
}
