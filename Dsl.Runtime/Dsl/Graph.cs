using System;

namespace Dsl;

/// <summary>
/// The graph a model's <c>Define(Graph g)</c> declares: inputs, outputs, losses and the parts it composes.
/// Read by the source generator at compile time; never executed.
/// </summary>
public sealed class Graph
{
    private Graph()
    {
    }

    /// <summary>Declares an input <c>[B, dims...]</c> (float32). <c>B</c>, the batch, is implicit.</summary>
    /// <param name="name">The input's name: a field of the generated <c>Inputs</c> record.</param>
    /// <param name="dims">Sizes after the batch dimension (channels first): ints or <see cref="Dim.Of"/>.</param>
    public Node Input(string name, params Dim[] dims) => throw DeclarationOnly.Called(nameof(Input));

    /// <summary>Declares an input <c>[B, dims...]</c> of <paramref name="dtype"/>: <c>DType.Int64</c> for token ids and other indices.</summary>
    /// <param name="name">The input's name: a field of the generated <c>Inputs</c> record.</param>
    /// <param name="dtype">The element type; float ops on int64 indices are a compile-time error (embed them first).</param>
    /// <param name="dims">Sizes after the batch dimension: ints or <see cref="Dim.Of"/>.</param>
    public Node Input(string name, DType dtype, params Dim[] dims) => throw DeclarationOnly.Called(nameof(Input));

    /// <summary>Declares a named output: a field of the generated <c>Outputs</c> record.</summary>
    public void Output(string name, Node node) => throw DeclarationOnly.Called(nameof(Output));

    /// <summary>
    /// A supervised loss term: compares <paramref name="prediction"/> with the target named <paramref name="target"/>
    /// (a field of the generated <c>Targets</c>, or the node given by the loss' <c>target:</c>).
    /// </summary>
    public LossTerm Loss(string target, Node prediction, LossFunction loss, double weight = 1.0) =>
        throw DeclarationOnly.Called(nameof(Loss));

    /// <summary>A target-free loss term: the mean of <paramref name="node"/>, weighted.</summary>
    public LossTerm Minimize(string name, Node node, double weight = 1.0) => throw DeclarationOnly.Called(nameof(Minimize));

    /// <summary>Instantiates another <c>[Model]</c> once as a submodule named <paramref name="name"/>.</summary>
    /// <param name="name">The submodule's field and state-dict prefix.</param>
    /// <param name="frozen">True: its parameters are not trained and it runs in eval mode; gradients still pass through it to trainable parts that feed it.</param>
    public SubModel Use<TModel>(string name, bool frozen = false)
        where TModel : class => throw DeclarationOnly.Called(nameof(Use));

    /// <summary>
    /// The initialization of every layer of this model that does not set its own <c>init:</c>
    /// (<see cref="Init.GlorotUniform"/> for Keras' defaults); PyTorch's when not called. Used models keep theirs.
    /// </summary>
    public void DefaultInit(Init init) => throw DeclarationOnly.Called(nameof(DefaultInit));

    /// <summary>A named block of layers; every <see cref="SharedBlock.Apply"/> reuses the same layers (shared weights).</summary>
    public SharedBlock Block(string name, Func<Node, Node> body) => throw DeclarationOnly.Called(nameof(Block));
}
