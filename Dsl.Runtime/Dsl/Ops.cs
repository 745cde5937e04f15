namespace Dsl;

/// <summary>Graph operations on several nodes. Read by the source generator; never executed.</summary>
public static class Ops
{
    /// <summary>Concatenates along <paramref name="dim"/> (1 = channels / features); other dims must agree.</summary>
    public static Node Concat(int dim, params Node[] nodes) => throw DeclarationOnly.Called(nameof(Concat));

    /// <summary>Stacks nodes of one shape along a new axis <paramref name="dim"/> (1 to rank; negative counts from the back of the result).</summary>
    public static Node Stack(int dim, params Node[] nodes) => throw DeclarationOnly.Called(nameof(Stack));

    /// <summary>
    /// Batched matrix product, as <c>torch.matmul</c>: <c>[B, ..., n, k]</c> by <c>[B, ..., k, m]</c> gives
    /// <c>[B, ..., n, m]</c>; the axes between the batch and the matrices broadcast.
    /// </summary>
    public static Node MatMul(Node a, Node b) => throw DeclarationOnly.Called(nameof(MatMul));

    /// <summary>Multi-head attention of <paramref name="query"/> <c>[B, T, E]</c> to <paramref name="key"/> and <paramref name="value"/> <c>[B, S, E]</c>: <c>[B, T, E]</c>.</summary>
    /// <param name="query">The sequence that asks.</param>
    /// <param name="key">What each position is matched by.</param>
    /// <param name="value">What each position contributes.</param>
    /// <param name="numHeads">Heads; must divide E.</param>
    /// <param name="dropout">Dropout on the attention weights (training only).</param>
    /// <param name="causal">Query t attends only to keys up to t.</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="init">How the weights and biases start (<see cref="Init.Default"/>: the model's default).</param>
    /// <param name="keyPaddingMask">PyTorch's <c>key_padding_mask</c>, <c>[B, S]</c>: nonzero marks a padding key; with <paramref name="paddingIdx"/>, the keys' token ids.</param>
    /// <param name="paddingIdx">The id of padding when <paramref name="keyPaddingMask"/> holds int64 token ids.</param>
    /// <param name="attnMask">PyTorch's <c>attn_mask</c>: <c>[B, T, S]</c>, <c>[B, numHeads, T, S]</c> or a batch of one; int64 nonzero masks a pair, float32 is added to the scores.</param>
    public static Node MultiheadAttention(Node query, Node key, Node value, int numHeads, double dropout = 0, bool causal = false, string? name = null, Init init = Init.Default, Node? keyPaddingMask = null, long? paddingIdx = null, Node? attnMask = null) =>
        throw DeclarationOnly.Called(nameof(MultiheadAttention));

    /// <summary>Cosine similarity of two <c>[B, F]</c> nodes along the features: <c>[B, 1]</c>.</summary>
    public static Node CosineSimilarity(Node a, Node b) => throw DeclarationOnly.Called(nameof(CosineSimilarity));

    /// <summary>
    /// Every sample of <paramref name="a"/> against every sample of <paramref name="b"/>, <c>a @ b.T</c>: two <c>[B, F]</c>
    /// batches of embeddings to the <c>[B, B]</c> logits a contrastive loss reads (<c>Loss.InfoNce()</c>); row i is
    /// sample i, its match on the diagonal. Normalize both first for cosine similarities.
    /// </summary>
    public static Node BatchSimilarity(Node a, Node b) => throw DeclarationOnly.Called(nameof(BatchSimilarity));

    /// <summary>Euclidean distance of two <c>[B, F]</c> nodes along the features: <c>[B, 1]</c>.</summary>
    public static Node EuclideanDistance(Node a, Node b) => throw DeclarationOnly.Called(nameof(EuclideanDistance));

    // ----- broadcasting concat and constants (a batch of one, [1, dims...], broadcast against [B, ...]) -----

    /// <summary>
    /// Concatenates along <paramref name="dim"/>; with <paramref name="broadcast"/> true, a size of 1 on another axis
    /// (the batch of a <c>g.Parameter</c> included) first expands to the other operands' size, as
    /// <c>torch.cat([cls.expand(B, -1, -1), x], 1)</c>.
    /// </summary>
    /// <param name="dim">A non-batch axis (negative counts from the back).</param>
    /// <param name="broadcast">True: sizes of 1 on the other axes expand to match (false: they must agree).</param>
    /// <param name="nodes">Two or more nodes of one rank.</param>
    public static Node Concat(int dim, bool broadcast, params Node[] nodes) => throw DeclarationOnly.Called(nameof(Concat));

    /// <summary>The constant <c>[1, dims...]</c> of zeros (float32), PyTorch's <c>torch.zeros(1, dims...)</c>.</summary>
    /// <param name="dims">The sizes after the leading 1.</param>
    public static Node Zeros(params int[] dims) => throw DeclarationOnly.Called(nameof(Zeros));

    /// <summary>The constant <c>[1, dims...]</c> of ones (float32), PyTorch's <c>torch.ones(1, dims...)</c>.</summary>
    /// <param name="dims">The sizes after the leading 1.</param>
    public static Node Ones(params int[] dims) => throw DeclarationOnly.Called(nameof(Ones));

    /// <summary>The constant <c>[1, dims...]</c> filled with <paramref name="value"/>, PyTorch's <c>torch.full((1, dims...), value)</c>.</summary>
    /// <param name="value">The value of every element (finite).</param>
    /// <param name="dims">The sizes after the leading 1.</param>
    public static Node Full(double value, params int[] dims) => throw DeclarationOnly.Called(nameof(Full));

    /// <summary>The identity matrix <c>[1, n, n]</c> (float32), PyTorch's <c>torch.eye(n).unsqueeze(0)</c>; it broadcasts against <c>[B, n, n]</c>.</summary>
    /// <param name="n">The number of rows and columns.</param>
    public static Node Eye(int n) => throw DeclarationOnly.Called(nameof(Eye));
}
