namespace Dsl;

/// <summary>Graph operations on several nodes. Read by the source generator; never executed.</summary>
public static class Ops
{
    /// <summary>Concatenates along <paramref name="dim"/> (1 = channels / features); other dims must agree.</summary>
    public static Node Concat(int dim, params Node[] nodes) => throw DeclarationOnly.Called(nameof(Concat));

    /// <summary>Cosine similarity of two <c>[B, F]</c> nodes along the features: <c>[B, 1]</c>.</summary>
    public static Node CosineSimilarity(Node a, Node b) => throw DeclarationOnly.Called(nameof(CosineSimilarity));

    /// <summary>Euclidean distance of two <c>[B, F]</c> nodes along the features: <c>[B, 1]</c>.</summary>
    public static Node EuclideanDistance(Node a, Node b) => throw DeclarationOnly.Called(nameof(EuclideanDistance));
}
