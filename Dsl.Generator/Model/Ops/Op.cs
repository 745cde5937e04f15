namespace Dsl.Generator.Model.Ops;

/// <summary>
/// What a node computes. One sealed record per operation, holding only the constants the declaration gave
/// (sizes, flags); input sizes are not stored but inferred by the shape rules. Ops that own parameters
/// (<see cref="IsLayer"/>) become fields of the generated module.
/// </summary>
internal abstract record Op
{
    /// <summary>The DSL name of the operation (<c>Conv2d</c>), used in messages and the layer table.</summary>
    public abstract string Kind { get; }

    /// <summary>Prefix of generated node names (<c>conv2d</c> gives <c>conv2d_1</c>, <c>conv2d_2</c>, ...).</summary>
    public virtual string NamePrefix => Kind.ToLowerInvariant();

    /// <summary>True when the op owns parameters or buffers and so becomes a registered submodule.</summary>
    public virtual bool IsLayer => false;

    /// <summary>
    /// True when forward writes a new tensor that the op's own backward does not keep (a convolution or a dense layer
    /// keeps its input, not its output), so the one op that reads it may overwrite it in place (<c>relu_</c>).
    /// False for views, which share storage with their input, and for ops whose backward reads their result.
    /// </summary>
    public virtual bool WritesFreshOutput => false;
}
