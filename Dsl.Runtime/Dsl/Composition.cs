using System.Collections.Generic;

namespace Dsl;

/// <summary>An instance of another <c>[Model]</c> inside this one (<see cref="Graph.Use{TModel}"/>).</summary>
public sealed class SubModel
{
    private SubModel()
    {
    }

    /// <summary>Applies a single-output model; applying one instance twice shares its weights.</summary>
    public Node Apply(params Node[] inputs) => throw DeclarationOnly.Called(nameof(Apply));

    /// <summary>Applies the model and returns its outputs by name.</summary>
    public IReadOnlyDictionary<string, Node> ApplyAll(params Node[] inputs) => throw DeclarationOnly.Called(nameof(ApplyAll));
}

/// <summary>A named block of layers declared once and applied many times with the same weights.</summary>
public sealed class SharedBlock
{
    private SharedBlock()
    {
    }

    /// <summary>Applies the block's layers to <paramref name="input"/>.</summary>
    public Node Apply(Node input) => throw DeclarationOnly.Called(nameof(Apply));
}
