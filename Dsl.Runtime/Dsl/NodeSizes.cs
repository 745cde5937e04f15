namespace Dsl;

/// <summary>
/// Reading a node's static size while declaring the model, as Keras code reads <c>x.shape[-1]</c>: a helper (a
/// squeeze-excitation block) needs no channel count passed in. Evaluated by the source generator; never executed.
/// </summary>
public static class NodeSizes
{
    /// <summary>
    /// The size of axis <paramref name="dim"/> of <paramref name="node"/>, counted with the batch (<c>x.Size(1)</c> is the
    /// channels of <c>[B, C, H, W]</c>; <c>x.Size(-1)</c> the last axis). It must be a number known at compile time: the
    /// batch and symbolic sizes (<c>Dim.Of("T")</c>) are reported where they are read.
    /// </summary>
    /// <param name="node">The node whose shape is read.</param>
    /// <param name="dim">The axis, negative from the back.</param>
    /// <returns>The size, known at compile time.</returns>
    public static int Size(this Node node, int dim) => throw DeclarationOnly.Called(nameof(Size));
}
