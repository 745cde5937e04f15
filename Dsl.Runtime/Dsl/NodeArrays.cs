namespace Dsl;

/// <summary>
/// Deconstruction of the pieces of <c>Split</c> / <c>Chunk</c> into locals: <c>var (q, k, v) = x.Chunk(3, -1);</c>. The
/// generator checks the number of pieces at compile time. Never executed.
/// </summary>
public static class NodeArrays
{
    /// <summary>Two pieces.</summary>
    /// <param name="nodes">The pieces.</param>
    /// <param name="first">The first piece.</param>
    /// <param name="second">The second piece.</param>
    public static void Deconstruct(this Node[] nodes, out Node first, out Node second) =>
        throw DeclarationOnly.Called(nameof(Deconstruct));

    /// <summary>Three pieces.</summary>
    /// <param name="nodes">The pieces.</param>
    /// <param name="first">The first piece.</param>
    /// <param name="second">The second piece.</param>
    /// <param name="third">The third piece.</param>
    public static void Deconstruct(this Node[] nodes, out Node first, out Node second, out Node third) =>
        throw DeclarationOnly.Called(nameof(Deconstruct));

    /// <summary>Four pieces.</summary>
    /// <param name="nodes">The pieces.</param>
    /// <param name="first">The first piece.</param>
    /// <param name="second">The second piece.</param>
    /// <param name="third">The third piece.</param>
    /// <param name="fourth">The fourth piece.</param>
    public static void Deconstruct(this Node[] nodes, out Node first, out Node second, out Node third, out Node fourth) =>
        throw DeclarationOnly.Called(nameof(Deconstruct));
}
