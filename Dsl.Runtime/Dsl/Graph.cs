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

    /// <summary>
    /// Declares a float32 input <c>[B, dims...]</c> whose axes are laid out as <paramref name="layout"/> says, where the
    /// default reading is wrong: <c>g.Input("mel", AxisLayout.ChannelsFirst, 40, 100)</c> is 40 mel bins x 100 frames.
    /// </summary>
    /// <param name="name">The input's name: a field of the generated <c>Inputs</c> record.</param>
    /// <param name="layout">Channels first or channels (features) last; it changes no shape, only how the checker reads the axes.</param>
    /// <param name="dims">Sizes after the batch dimension: ints or <see cref="Dim.Of"/>.</param>
    public Node Input(string name, AxisLayout layout, params Dim[] dims) => throw DeclarationOnly.Called(nameof(Input));

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

    // ----- learned tensors (g.Parameter): a batch of one, [1, dims...], broadcast against [B, ...] -----

    /// <summary>
    /// A learned tensor <c>[1]</c> (PyTorch's <c>nn.Parameter(torch.zeros(1))</c>, a scalar such as a temperature),
    /// trained with the model and saved in its state dict under <paramref name="name"/>.
    /// </summary>
    /// <param name="name">The state-dict name (<c>logit_scale</c>), also the field's.</param>
    /// <param name="init">How its values start (<see cref="ParameterInit.Zeros"/> unless given).</param>
    /// <param name="std">The standard deviation of <see cref="ParameterInit.Normal"/> (1, as <c>torch.randn</c>).</param>
    public Node Parameter(string name, ParameterInit init = ParameterInit.Zeros, double std = 1.0) => throw DeclarationOnly.Called(nameof(Parameter));

    /// <summary>
    /// A learned tensor <c>[1, dim1]</c>: axis 0 has size 1 where a node has the batch, so it broadcasts against
    /// <c>[B, dim1]</c> in <c>+ - * /</c>, and <c>Expand(batchOf: x)</c> gives it x's batch.
    /// </summary>
    /// <param name="name">The state-dict name, also the field's.</param>
    /// <param name="dim1">The size after the leading 1.</param>
    /// <param name="init">How its values start (<see cref="ParameterInit.Zeros"/> unless given).</param>
    /// <param name="std">The standard deviation of <see cref="ParameterInit.Normal"/> (1, as <c>torch.randn</c>).</param>
    public Node Parameter(string name, int dim1, ParameterInit init = ParameterInit.Zeros, double std = 1.0) => throw DeclarationOnly.Called(nameof(Parameter));

    /// <summary>
    /// A learned tensor <c>[1, dim1, dim2]</c> (a ViT's <c>[CLS]</c> token <c>g.Parameter("cls_token", 1, 768)</c>
    /// is PyTorch's <c>nn.Parameter(torch.zeros(1, 1, 768))</c>); it broadcasts against <c>[B, dim1, dim2]</c>.
    /// </summary>
    /// <param name="name">The state-dict name, also the field's.</param>
    /// <param name="dim1">The first size after the leading 1.</param>
    /// <param name="dim2">The second size.</param>
    /// <param name="init">How its values start (<see cref="ParameterInit.Zeros"/> unless given).</param>
    /// <param name="std">The standard deviation of <see cref="ParameterInit.Normal"/> (1, as <c>torch.randn</c>).</param>
    public Node Parameter(string name, int dim1, int dim2, ParameterInit init = ParameterInit.Zeros, double std = 1.0) => throw DeclarationOnly.Called(nameof(Parameter));

    /// <summary>A learned tensor <c>[1, dim1, dim2, dim3]</c>; it broadcasts against <c>[B, dim1, dim2, dim3]</c>.</summary>
    /// <param name="name">The state-dict name, also the field's.</param>
    /// <param name="dim1">The first size after the leading 1.</param>
    /// <param name="dim2">The second size.</param>
    /// <param name="dim3">The third size.</param>
    /// <param name="init">How its values start (<see cref="ParameterInit.Zeros"/> unless given).</param>
    /// <param name="std">The standard deviation of <see cref="ParameterInit.Normal"/> (1, as <c>torch.randn</c>).</param>
    public Node Parameter(string name, int dim1, int dim2, int dim3, ParameterInit init = ParameterInit.Zeros, double std = 1.0) => throw DeclarationOnly.Called(nameof(Parameter));
}
