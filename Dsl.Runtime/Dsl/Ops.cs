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
    public static Node MultiheadAttention(Node query, Node key, Node value, int numHeads, double dropout = 0, bool causal = false, string? name = null, Init init = Init.Default, Node? keyPaddingMask = null, long? paddingIdx = null) =>
        throw DeclarationOnly.Called(nameof(MultiheadAttention));

    /// <summary>Cosine similarity of two <c>[B, F]</c> nodes along the features: <c>[B, 1]</c>.</summary>
    public static Node CosineSimilarity(Node a, Node b) => throw DeclarationOnly.Called(nameof(CosineSimilarity));

    /// <summary>Euclidean distance of two <c>[B, F]</c> nodes along the features: <c>[B, 1]</c>.</summary>
    public static Node EuclideanDistance(Node a, Node b) => throw DeclarationOnly.Called(nameof(EuclideanDistance));
}
