namespace Dsl;

/// <summary>
/// A symbolic tensor of the declared graph, shaped <c>[B, d1, ..., dn]</c>. Layers are fluent methods named as
/// in PyTorch; their input sizes are inferred at compile time. <c>name:</c> sets the field / state-dict name,
/// otherwise names are generated (<c>conv2d_1</c>, ...). Read by the source generator; never executed.
/// </summary>
public sealed class Node
{
    private Node()
    {
    }

    // ----- layers with parameters -----

    /// <summary>2-D convolution over <c>[B, C, H, W]</c>.</summary>
    /// <param name="outChannels">Number of filters.</param>
    /// <param name="kernelSize">Square kernel size.</param>
    /// <param name="stride">Stride in both directions.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default), <see cref="Padding.Same"/> or an int.</param>
    /// <param name="bias">Whether the layer learns a bias.</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="groups">Independent channel groups: both channel counts must be multiples of it; the input
    /// channels for a depthwise convolution (MobileNet).</param>
    /// <param name="dilation">Spacing of the kernel's taps (atrous convolution); the kernel covers dilation x (k - 1) + 1.</param>
    /// <param name="init">How the kernel and bias start (<see cref="Init.Default"/>: the model's default).</param>
    public Node Conv2d(int outChannels, int kernelSize, int stride = 1, Padding padding = default, bool bias = true, string? name = null, int groups = 1, int dilation = 1, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(Conv2d));

    /// <summary>2-D convolution over <c>[B, C, H, W]</c> with a kernel, stride and dilation per axis: <c>x.Conv2d(32, (3, 5), stride: (1, 2))</c>.</summary>
    /// <param name="outChannels">Number of filters.</param>
    /// <param name="kernelSize">Kernel size (rows, columns).</param>
    /// <param name="stride">Stride (rows, columns); (1, 1) when omitted.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default), <see cref="Padding.Same"/>, an int or (rows, columns).</param>
    /// <param name="bias">Whether the layer learns a bias.</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="groups">Independent channel groups.</param>
    /// <param name="dilation">Spacing of the kernel's taps (rows, columns); (1, 1) when omitted.</param>
    /// <param name="init">How the kernel and bias start (<see cref="Init.Default"/>: the model's default).</param>
    public Node Conv2d(int outChannels, (int, int) kernelSize, (int, int)? stride = null, Padding padding = default, bool bias = true, string? name = null, int groups = 1, (int, int)? dilation = null, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(Conv2d));

    /// <summary>1-D convolution over <c>[B, C, L]</c> (sequences, signals); arguments as <see cref="Conv2d(int, int, int, Padding, bool, string?, int, int, Init)"/>.</summary>
    public Node Conv1d(int outChannels, int kernelSize, int stride = 1, Padding padding = default, bool bias = true, string? name = null, int groups = 1, int dilation = 1, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(Conv1d));

    /// <summary>3-D convolution over <c>[B, C, D, H, W]</c> (volumes, video); arguments as <see cref="Conv2d(int, int, int, Padding, bool, string?, int, int, Init)"/>.</summary>
    public Node Conv3d(int outChannels, int kernelSize, int stride = 1, Padding padding = default, bool bias = true, string? name = null, int groups = 1, int dilation = 1, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(Conv3d));

    /// <summary>3-D convolution with a kernel, stride and dilation per axis (depth, rows, columns).</summary>
    public Node Conv3d(int outChannels, (int, int, int) kernelSize, (int, int, int)? stride = null, Padding padding = default, bool bias = true, string? name = null, int groups = 1, (int, int, int)? dilation = null, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(Conv3d));

    /// <summary>
    /// Transposed 2-D convolution (learned upsampling) over <c>[B, C, H, W]</c>: each size becomes
    /// (in - 1) * stride - 2 * padding + dilation * (kernelSize - 1) + outputPadding + 1 (<see cref="Padding.Same"/>: in * stride).
    /// </summary>
    /// <param name="outChannels">Number of filters.</param>
    /// <param name="kernelSize">Kernel size.</param>
    /// <param name="stride">Upsampling factor.</param>
    /// <param name="padding">An int (removed from both sides of the output), <see cref="Padding.Valid"/> (0) or <see cref="Padding.Same"/>.</param>
    /// <param name="outputPadding">Added to one side of each output size; below the stride or the dilation.</param>
    /// <param name="bias">Whether the layer learns a bias.</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="groups">Independent channel groups.</param>
    /// <param name="dilation">Spacing of the kernel's taps.</param>
    /// <param name="init">How the kernel and bias start (<see cref="Init.Default"/>: the model's default).</param>
    public Node ConvTranspose2d(int outChannels, int kernelSize, int stride = 1, Padding padding = default, int outputPadding = 0, bool bias = true, string? name = null, int groups = 1, int dilation = 1, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(ConvTranspose2d));

    /// <summary>Transposed 2-D convolution with a kernel, stride, output padding and dilation per axis (rows, columns).</summary>
    public Node ConvTranspose2d(int outChannels, (int, int) kernelSize, (int, int)? stride = null, Padding padding = default, (int, int)? outputPadding = null, bool bias = true, string? name = null, int groups = 1, (int, int)? dilation = null, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(ConvTranspose2d));

    /// <summary>Transposed 1-D convolution over <c>[B, C, L]</c>; arguments as <see cref="ConvTranspose2d(int, int, int, Padding, int, bool, string?, int, int, Init)"/>.</summary>
    public Node ConvTranspose1d(int outChannels, int kernelSize, int stride = 1, Padding padding = default, int outputPadding = 0, bool bias = true, string? name = null, int groups = 1, int dilation = 1, Init init = Init.Default) =>
        throw DeclarationOnly.Called(nameof(ConvTranspose1d));

    /// <summary>
    /// Fully connected layer over the last dimension: <c>[B, F]</c> to <c>[B, outFeatures]</c>, and a sequence
    /// <c>[B, T, F]</c> step by step; <c>F</c> is inferred. A channels-first feature map must be flattened first.
    /// </summary>
    /// <param name="outFeatures">Output features.</param>
    /// <param name="bias">Whether the layer learns a bias.</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="init">How the weight and bias start (<see cref="Init.Default"/>: the model's default).</param>
    public Node Linear(int outFeatures, bool bias = true, string? name = null, Init init = Init.Default) => throw DeclarationOnly.Called(nameof(Linear));

    /// <summary>
    /// A Linear whose weight is the table of the Embedding <paramref name="tiedTo"/> (weight tying, as GPT-2's
    /// <c>lm_head.weight = wte.weight</c>): <c>[B, ..., embeddingDim]</c> to <c>[B, ..., numEmbeddings]</c>. One parameter
    /// shared by both layers, counted once; the state dict holds it under both names, as PyTorch's does.
    /// </summary>
    /// <param name="outFeatures">Output features: the Embedding's numEmbeddings.</param>
    /// <param name="tiedTo">The node an Embedding of this model returned.</param>
    /// <param name="bias">Whether the layer learns its own bias (by default not, as GPT-2's tied head).</param>
    /// <param name="name">Field and state-dict name.</param>
    public Node Linear(int outFeatures, Node tiedTo, bool bias = false, string? name = null) => throw DeclarationOnly.Called(nameof(Linear));

    /// <summary>Looks up a learned vector for each int64 index: <c>[B, ...]</c> int64 to <c>[B, ..., embeddingDim]</c>.</summary>
    /// <param name="numEmbeddings">The size of the table (the vocabulary): indices are 0 to numEmbeddings - 1.</param>
    /// <param name="embeddingDim">The size of each vector.</param>
    /// <param name="paddingIdx">An index whose vector stays zero and gets no gradient (negative counts from the end).</param>
    /// <param name="name">Field and state-dict name.</param>
    public Node Embedding(int numEmbeddings, int embeddingDim, int? paddingIdx = null, string? name = null) =>
        throw DeclarationOnly.Called(nameof(Embedding));

    /// <summary>Long short-term memory over a batch-first sequence: <c>[B, T, F]</c> to <c>[B, T, hiddenSize * directions]</c> (every step; <see cref="LastStep"/> takes the last).</summary>
    /// <param name="hiddenSize">Features of the hidden state.</param>
    /// <param name="numLayers">Stacked layers.</param>
    /// <param name="bidirectional">Also run backwards; the two directions' outputs are concatenated.</param>
    /// <param name="dropout">Dropout between stacked layers (training only).</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="init">How the weights and biases start (<see cref="Init.Default"/>: the model's default).</param>
    /// <param name="initialState">The initial hidden state h0, <c>[B, numLayers * directions, hiddenSize]</c> (PyTorch's <c>h_0</c> with the batch first; rows ordered layer by layer, forward then reverse), or null for zeros.</param>
    /// <param name="initialCell">The initial cell state c0, shaped as <paramref name="initialState"/>; an Lstm's initial state is the pair, so both are given or neither.</param>
    public Node Lstm(int hiddenSize, int numLayers = 1, bool bidirectional = false, double dropout = 0, string? name = null, Init init = Init.Default, Node? initialState = null, Node? initialCell = null) =>
        throw DeclarationOnly.Called(nameof(Lstm));

    /// <summary>Gated recurrent unit over a batch-first sequence: <c>[B, T, F]</c> to <c>[B, T, hiddenSize * directions]</c>.</summary>
    /// <param name="hiddenSize">Features of the hidden state.</param>
    /// <param name="numLayers">Stacked layers.</param>
    /// <param name="bidirectional">Also run backwards; the two directions' outputs are concatenated.</param>
    /// <param name="dropout">Dropout between stacked layers (training only).</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="init">How the weights and biases start (<see cref="Init.Default"/>: the model's default).</param>
    /// <param name="initialState">The initial hidden state h0, <c>[B, numLayers * directions, hiddenSize]</c> (PyTorch's <c>h_0</c> with the batch first; rows ordered layer by layer, forward then reverse), or null for zeros.</param>
    public Node Gru(int hiddenSize, int numLayers = 1, bool bidirectional = false, double dropout = 0, string? name = null, Init init = Init.Default, Node? initialState = null) =>
        throw DeclarationOnly.Called(nameof(Gru));

    /// <summary>Plain (Elman) recurrent layer over a batch-first sequence: <c>[B, T, F]</c> to <c>[B, T, hiddenSize * directions]</c>.</summary>
    /// <param name="hiddenSize">Features of the hidden state.</param>
    /// <param name="numLayers">Stacked layers.</param>
    /// <param name="bidirectional">Also run backwards; the two directions' outputs are concatenated.</param>
    /// <param name="dropout">Dropout between stacked layers (training only).</param>
    /// <param name="nonlinearity"><c>"tanh"</c> or <c>"relu"</c>.</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="init">How the weights and biases start (<see cref="Init.Default"/>: the model's default).</param>
    /// <param name="initialState">The initial hidden state h0, <c>[B, numLayers * directions, hiddenSize]</c> (PyTorch's <c>h_0</c> with the batch first; rows ordered layer by layer, forward then reverse), or null for zeros.</param>
    public Node Rnn(int hiddenSize, int numLayers = 1, bool bidirectional = false, double dropout = 0, string nonlinearity = "tanh", string? name = null, Init init = Init.Default, Node? initialState = null) =>
        throw DeclarationOnly.Called(nameof(Rnn));

    /// <summary>
    /// Multi-head scaled dot-product attention over batch-first sequences: self-attention of <c>[B, T, E]</c>, or
    /// cross-attention to <paramref name="keyValue"/> <c>[B, S, E]</c>; gives <c>[B, T, E]</c>. E is inferred.
    /// </summary>
    /// <param name="numHeads">Heads; must divide E.</param>
    /// <param name="keyValue">The sequence attended to (keys and values), or null for self-attention.</param>
    /// <param name="dropout">Dropout on the attention weights (training only).</param>
    /// <param name="causal">Each position attends only to itself and earlier ones (a decoder).</param>
    /// <param name="name">Field and state-dict name.</param>
    /// <param name="init">How the weights and biases start (<see cref="Init.Default"/>: the model's default).</param>
    /// <param name="keyPaddingMask">
    /// PyTorch's <c>key_padding_mask</c>, <c>[B, S]</c> (int64 or float32): a key where it is nonzero is padding, which
    /// no query attends to; with <paramref name="paddingIdx"/>, the key sequence's token ids instead. Null: every key counts.
    /// </param>
    /// <param name="paddingIdx">The id of padding when <paramref name="keyPaddingMask"/> holds int64 token ids (the Embedding's <c>paddingIdx</c>).</param>
    /// <param name="attnMask">
    /// PyTorch's <c>attn_mask</c>, which query may attend to which key: <c>[B, T, S]</c>, per head <c>[B, numHeads, T, S]</c>,
    /// or a batch of one (<c>[1, T, S]</c>: PyTorch's <c>[T, S]</c>). int64: nonzero marks a pair that is masked (PyTorch's
    /// bool mask, true = masked); float32: added to the scores (an additive mask, -infinity masks). Null: every pair counts.
    /// </param>
    public Node MultiheadAttention(int numHeads, Node? keyValue = null, double dropout = 0, bool causal = false, string? name = null, Init init = Init.Default, Node? keyPaddingMask = null, long? paddingIdx = null, Node? attnMask = null) =>
        throw DeclarationOnly.Called(nameof(MultiheadAttention));

    /// <summary>Batch normalization over the channels of <c>[B, C, H, W]</c>.</summary>
    public Node BatchNorm2d(double eps = 1e-5, double momentum = 0.1, string? name = null) =>
        throw DeclarationOnly.Called(nameof(BatchNorm2d));

    /// <summary>Batch normalization over the features of <c>[B, F]</c>.</summary>
    public Node BatchNorm1d(double eps = 1e-5, double momentum = 0.1, string? name = null) =>
        throw DeclarationOnly.Called(nameof(BatchNorm1d));

    /// <summary>Batch normalization over the channels of <c>[B, C, D, H, W]</c>.</summary>
    public Node BatchNorm3d(double eps = 1e-5, double momentum = 0.1, string? name = null) =>
        throw DeclarationOnly.Called(nameof(BatchNorm3d));

    /// <summary>
    /// Group normalization of <c>[B, C, ...]</c>: each sample over the channels of each of <paramref name="groups"/>
    /// groups (which must divide C) and all positions, with a learned scale and shift per channel when <paramref name="affine"/>.
    /// </summary>
    public Node GroupNorm(int groups, double eps = 1e-5, bool affine = true, string? name = null) =>
        throw DeclarationOnly.Called(nameof(GroupNorm));

    /// <summary>
    /// Instance normalization of <c>[B, C, H, W]</c>: each channel of each sample over its positions; like PyTorch,
    /// no learned scale and shift unless <paramref name="affine"/>, and no running statistics.
    /// </summary>
    public Node InstanceNorm2d(double eps = 1e-5, bool affine = false, string? name = null) =>
        throw DeclarationOnly.Called(nameof(InstanceNorm2d));

    /// <summary>
    /// Layer normalization of each sample over its last <paramref name="dims"/> dimensions (1: the features of
    /// [B, T, F], as in transformers), with a learned scale and shift per element when <paramref name="affine"/>.
    /// </summary>
    public Node LayerNorm(int dims = 1, double eps = 1e-5, bool affine = true, string? name = null) =>
        throw DeclarationOnly.Called(nameof(LayerNorm));

    // ----- pooling and resizing -----

    /// <summary>Max pooling over <c>[B, C, H, W]</c>; <paramref name="stride"/> defaults to the kernel size; <c>ceilMode</c> is PyTorch's ceil_mode (a last partial window).</summary>
    public Node MaxPool2d(int kernelSize, int? stride = null, Padding padding = default, bool ceilMode = false) => throw DeclarationOnly.Called(nameof(MaxPool2d));

    /// <summary>Average pooling over <c>[B, C, H, W]</c>; <paramref name="stride"/> defaults to the kernel size; <c>ceilMode</c> is PyTorch's ceil_mode (a last partial window).</summary>
    public Node AvgPool2d(int kernelSize, int? stride = null, Padding padding = default, bool ceilMode = false) => throw DeclarationOnly.Called(nameof(AvgPool2d));

    /// <summary>Max pooling over <c>[B, C, H, W]</c> with a kernel and stride per axis (rows, columns); the stride defaults to the kernel size; <c>ceilMode</c> is PyTorch's ceil_mode (a last partial window).</summary>
    public Node MaxPool2d((int, int) kernelSize, (int, int)? stride = null, Padding padding = default, bool ceilMode = false) => throw DeclarationOnly.Called(nameof(MaxPool2d));

    /// <summary>Average pooling over <c>[B, C, H, W]</c> with a kernel and stride per axis (rows, columns); the stride defaults to the kernel size; <c>ceilMode</c> is PyTorch's ceil_mode (a last partial window).</summary>
    public Node AvgPool2d((int, int) kernelSize, (int, int)? stride = null, Padding padding = default, bool ceilMode = false) => throw DeclarationOnly.Called(nameof(AvgPool2d));

    /// <summary>Max pooling over <c>[B, C, L]</c>; <paramref name="stride"/> defaults to the kernel size; <c>ceilMode</c> is PyTorch's ceil_mode (a last partial window).</summary>
    public Node MaxPool1d(int kernelSize, int? stride = null, Padding padding = default, bool ceilMode = false) => throw DeclarationOnly.Called(nameof(MaxPool1d));

    /// <summary>Average pooling over <c>[B, C, L]</c>; <paramref name="stride"/> defaults to the kernel size; <c>ceilMode</c> is PyTorch's ceil_mode (a last partial window).</summary>
    public Node AvgPool1d(int kernelSize, int? stride = null, Padding padding = default, bool ceilMode = false) => throw DeclarationOnly.Called(nameof(AvgPool1d));

    /// <summary>Mean over the spatial dimensions: <c>[B, C, H, W]</c> to <c>[B, C]</c>.</summary>
    public Node GlobalAvgPool2d() => throw DeclarationOnly.Called(nameof(GlobalAvgPool2d));

    /// <summary>Maximum over the spatial dimensions: <c>[B, C, H, W]</c> to <c>[B, C]</c>.</summary>
    public Node GlobalMaxPool2d() => throw DeclarationOnly.Called(nameof(GlobalMaxPool2d));

    /// <summary>Mean over the length: <c>[B, C, L]</c> to <c>[B, C]</c>.</summary>
    public Node GlobalAvgPool1d() => throw DeclarationOnly.Called(nameof(GlobalAvgPool1d));

    /// <summary>Maximum over the length: <c>[B, C, L]</c> to <c>[B, C]</c>.</summary>
    public Node GlobalMaxPool1d() => throw DeclarationOnly.Called(nameof(GlobalMaxPool1d));

    /// <summary>
    /// Upsampling by an integer factor: <c>[B, C, H, W]</c> to <c>[B, C, H*k, W*k]</c>, nearest neighbour (default) or
    /// bilinear (corners not aligned: PyTorch's default and Keras').
    /// </summary>
    public Node UpSample2d(int scaleFactor, UpSampleMode mode = UpSampleMode.Nearest) => throw DeclarationOnly.Called(nameof(UpSample2d));

    /// <summary>Average pooling to a fixed output size: <c>[B, C, H, W]</c> to <c>[B, C, outputHeight, outputWidth]</c> (width defaults to height).</summary>
    public Node AdaptiveAvgPool2d(int outputHeight, int? outputWidth = null) => throw DeclarationOnly.Called(nameof(AdaptiveAvgPool2d));

    /// <summary>Zero padding of <c>[B, C, H, W]</c>: <paramref name="padding"/> rows and columns on every side.</summary>
    public Node ZeroPad2d(int padding) => throw DeclarationOnly.Called(nameof(ZeroPad2d));

    /// <summary>Zero padding of <c>[B, C, H, W]</c> by (top, bottom, left, right).</summary>
    public Node ZeroPad2d((int Top, int Bottom, int Left, int Right) padding) => throw DeclarationOnly.Called(nameof(ZeroPad2d));

    /// <summary>Zero padding of <c>[B, C, L]</c>: <paramref name="padding"/> zeros at both ends (PyTorch's <c>nn.ZeroPad1d</c>).</summary>
    public Node ZeroPad1d(int padding) => throw DeclarationOnly.Called(nameof(ZeroPad1d));

    /// <summary>Zero padding of <c>[B, C, L]</c> by (left, right).</summary>
    public Node ZeroPad1d((int Left, int Right) padding) => throw DeclarationOnly.Called(nameof(ZeroPad1d));

    /// <summary>Padding of <c>[B, C, L]</c> with <paramref name="value"/>, <paramref name="padding"/> elements at both ends (PyTorch's <c>nn.ConstantPad1d</c>).</summary>
    public Node ConstantPad1d(int padding, double value) => throw DeclarationOnly.Called(nameof(ConstantPad1d));

    /// <summary>Padding of <c>[B, C, L]</c> with <paramref name="value"/> by (left, right).</summary>
    public Node ConstantPad1d((int Left, int Right) padding, double value) => throw DeclarationOnly.Called(nameof(ConstantPad1d));

    /// <summary>Padding of <c>[B, C, H, W]</c> with <paramref name="value"/>, <paramref name="padding"/> on every side (PyTorch's <c>nn.ConstantPad2d</c>).</summary>
    public Node ConstantPad2d(int padding, double value) => throw DeclarationOnly.Called(nameof(ConstantPad2d));

    /// <summary>Padding of <c>[B, C, H, W]</c> with <paramref name="value"/> by (left, right, top, bottom), PyTorch's order.</summary>
    public Node ConstantPad2d((int Left, int Right, int Top, int Bottom) padding, double value) => throw DeclarationOnly.Called(nameof(ConstantPad2d));

    /// <summary>Cropping of <c>[B, C, H, W]</c>: <paramref name="cropping"/> rows and columns off every side.</summary>
    public Node Cropping2d(int cropping) => throw DeclarationOnly.Called(nameof(Cropping2d));

    /// <summary>Cropping of <c>[B, C, H, W]</c> by (top, bottom, left, right).</summary>
    public Node Cropping2d((int Top, int Bottom, int Left, int Right) cropping) => throw DeclarationOnly.Called(nameof(Cropping2d));

    // ----- shape ops -----

    /// <summary>
    /// Flattens axes <paramref name="startDim"/> to <paramref name="endDim"/> into one, as PyTorch's <c>nn.Flatten</c>:
    /// by default everything after the batch, <c>[B, d1, ..., dn]</c> to <c>[B, d1*...*dn]</c>.
    /// </summary>
    /// <param name="startDim">The first axis flattened (0 is the batch, which stays: at least 1; negative counts from the back).</param>
    /// <param name="endDim">The last axis flattened (-1: the last).</param>
    public Node Flatten(int startDim = 1, int endDim = -1) => throw DeclarationOnly.Called(nameof(Flatten));

    /// <summary>Reshapes everything after the batch; the sizes must multiply out to the input's (one of them may be -1: inferred).</summary>
    public Node Reshape(params int[] dims) => throw DeclarationOnly.Called(nameof(Reshape));

    /// <summary>Keeps position <paramref name="index"/> of axis <paramref name="dim"/>, which disappears (negative values count from the back).</summary>
    public Node Select(int dim, int index) => throw DeclarationOnly.Called(nameof(Select));

    /// <summary>
    /// The final hidden state of the <c>Lstm</c>, <c>Gru</c> or <c>Rnn</c> this node is the output of: every layer and
    /// direction, <c>[B, numLayers * directions, hiddenSize]</c> (PyTorch's <c>h_n</c> with the batch first; rows layer
    /// by layer, forward then reverse). It can start another recurrent layer (<c>initialState:</c>).
    /// </summary>
    public Node FinalState() => throw DeclarationOnly.Called(nameof(FinalState));

    /// <summary>The final cell state of the <c>Lstm</c> this node is the output of (PyTorch's <c>c_n</c>), shaped as <see cref="FinalState"/>.</summary>
    public Node FinalCell() => throw DeclarationOnly.Called(nameof(FinalCell));

    /// <summary>
    /// The attention weights of the <c>MultiheadAttention</c> this node is the output of, averaged over the heads:
    /// <c>[B, T, S]</c>, each query's softmax over the keys (PyTorch's <c>need_weights=True, average_attn_weights=True</c>);
    /// with <paramref name="averageHeads"/> false, each head's: <c>[B, numHeads, T, S]</c> (<c>average_attn_weights=False</c>).
    /// </summary>
    /// <param name="averageHeads">Average over the heads (the default), or keep a head axis.</param>
    public Node AttentionWeights(bool averageHeads = true) => throw DeclarationOnly.Called(nameof(AttentionWeights));

    /// <summary>
    /// Splits axis <paramref name="dim"/> into <paramref name="sizes"/> (their product its size; one may be -1: inferred),
    /// as PyTorch's <c>x.unflatten(dim, sizes)</c>: <c>[B, 12, T]</c> with <c>Unflatten(1, 3, 4)</c> is <c>[B, 3, 4, T]</c>.
    /// </summary>
    /// <param name="dim">The axis split (0 is the batch, which stays: at least 1; negative counts from the back).</param>
    /// <param name="sizes">The sizes it becomes.</param>
    public Node Unflatten(int dim, params int[] sizes) => throw DeclarationOnly.Called(nameof(Unflatten));

    /// <summary>
    /// <c>x / max(||x||_p, eps)</c> along <paramref name="dim"/>, as PyTorch's <c>F.normalize(x, p, dim, eps)</c>: unit
    /// vectors for cosine-similarity heads and contrastive embeddings.
    /// </summary>
    /// <param name="p">The norm's exponent (2: Euclidean); positive.</param>
    /// <param name="dim">The axis normalized (PyTorch's default 1; -1 for the features of a sequence).</param>
    /// <param name="eps">The smallest norm divided by, so a zero vector stays zero.</param>
    public Node Normalize(double p = 2.0, int dim = 1, double eps = 1e-12) => throw DeclarationOnly.Called(nameof(Normalize));

    /// <summary>
    /// The mean over the samples of the batch, a batch statistic: <c>[B, ...]</c> to <c>[1, ...]</c>, which broadcasts back
    /// over the batch in <c>+ - * /</c> (PyTorch's <c>x.mean(0, keepdim=True)</c>); a load-balancing term reads the
    /// router's mean probability per expert this way.
    /// </summary>
    public Node BatchMean() => throw DeclarationOnly.Called(nameof(BatchMean));

    /// <summary>The last step of a sequence: <c>[B, T, F]</c> to <c>[B, F]</c> (<c>Select(1, -1)</c>, PyTorch's <c>x[:, -1]</c>).</summary>
    public Node LastStep() => throw DeclarationOnly.Called(nameof(LastStep));

    /// <summary>
    /// The positions <paramref name="start"/> to <paramref name="end"/> (exclusive; null: to the end) of axis
    /// <paramref name="dim"/>, as Python's <c>x[..., start:end]</c>; negative values count from the back.
    /// </summary>
    public Node Slice(int dim, int start, int? end = null) => throw DeclarationOnly.Called(nameof(Slice));

    /// <summary>Splits axis <paramref name="dim"/> into consecutive pieces of the given sizes (which must add up to its size): <c>var parts = x.Split(new[] { 8, 8 }, -1); parts[0]</c>.</summary>
    public Node[] Split(int[] sizes, int dim) => throw DeclarationOnly.Called(nameof(Split));

    /// <summary>Splits axis <paramref name="dim"/> into <paramref name="chunks"/> equal pieces (its size must be a multiple).</summary>
    public Node[] Chunk(int chunks, int dim) => throw DeclarationOnly.Called(nameof(Chunk));

    /// <summary>Swaps two non-batch axes (negative values count from the back): <c>[B, T, F]</c> with (1, 2) gives <c>[B, F, T]</c>.</summary>
    public Node Transpose(int dim0, int dim1) => throw DeclarationOnly.Called(nameof(Transpose));

    /// <summary>Reorders all axes, each named once, the batch (0) first: <c>Permute(0, 2, 3, 1)</c> makes <c>[B, C, H, W]</c> channels last.</summary>
    public Node Permute(params int[] dims) => throw DeclarationOnly.Called(nameof(Permute));

    /// <summary>Mean over axis <paramref name="dim"/>, which disappears (stays as size 1 with <paramref name="keepDim"/>).</summary>
    public Node Mean(int dim, bool keepDim = false) => throw DeclarationOnly.Called(nameof(Mean));

    /// <summary>Mean over the axes <paramref name="dims"/> (each once, not the batch).</summary>
    public Node Mean(int[] dims, bool keepDim = false) => throw DeclarationOnly.Called(nameof(Mean));

    /// <summary>Sum over axis <paramref name="dim"/>, which disappears (stays as size 1 with <paramref name="keepDim"/>).</summary>
    public Node Sum(int dim, bool keepDim = false) => throw DeclarationOnly.Called(nameof(Sum));

    /// <summary>Sum over the axes <paramref name="dims"/> (each once, not the batch).</summary>
    public Node Sum(int[] dims, bool keepDim = false) => throw DeclarationOnly.Called(nameof(Sum));

    /// <summary>The largest value along axis <paramref name="dim"/> (PyTorch's <c>max(dim).values</c>).</summary>
    public Node Max(int dim, bool keepDim = false) => throw DeclarationOnly.Called(nameof(Max));

    /// <summary>Reverses the order along <paramref name="dim"/> (0 is the batch).</summary>
    public Node Flip(int dim) => throw DeclarationOnly.Called(nameof(Flip));

    // ----- activations and regularization -----

    /// <summary>Rectified linear unit.</summary>
    public Node Relu() => throw DeclarationOnly.Called(nameof(Relu));

    /// <summary>Leaky rectified linear unit.</summary>
    public Node LeakyRelu(double negativeSlope = 0.01) => throw DeclarationOnly.Called(nameof(LeakyRelu));

    /// <summary>Logistic sigmoid.</summary>
    public Node Sigmoid() => throw DeclarationOnly.Called(nameof(Sigmoid));

    /// <summary>Hyperbolic tangent.</summary>
    public Node Tanh() => throw DeclarationOnly.Called(nameof(Tanh));

    /// <summary>Gaussian error linear unit (exact, erf form), as in transformers.</summary>
    public Node Gelu() => throw DeclarationOnly.Called(nameof(Gelu));

    /// <summary>Sigmoid linear unit, x * sigmoid(x) (Keras' swish).</summary>
    public Node Silu() => throw DeclarationOnly.Called(nameof(Silu));

    /// <summary>Exponential linear unit: x for x &gt; 0, alpha * (exp(x) - 1) otherwise.</summary>
    public Node Elu(double alpha = 1.0) => throw DeclarationOnly.Called(nameof(Elu));

    /// <summary>Scaled exponential linear unit (self-normalizing networks).</summary>
    public Node Selu() => throw DeclarationOnly.Called(nameof(Selu));

    /// <summary>Softplus, log(1 + exp(beta * x)) / beta: a smooth Relu.</summary>
    public Node Softplus(double beta = 1.0) => throw DeclarationOnly.Called(nameof(Softplus));

    /// <summary>Hard swish, x * relu6(x + 3) / 6 (MobileNetV3).</summary>
    public Node Hardswish() => throw DeclarationOnly.Called(nameof(Hardswish));

    /// <summary>Relu clipped at 6 (MobileNetV2).</summary>
    public Node Relu6() => throw DeclarationOnly.Called(nameof(Relu6));

    /// <summary>Mish, x * tanh(softplus(x)).</summary>
    public Node Mish() => throw DeclarationOnly.Called(nameof(Mish));

    /// <summary>Element-wise exponential.</summary>
    public Node Exp() => throw DeclarationOnly.Called(nameof(Exp));

    /// <summary>Element-wise natural logarithm.</summary>
    public Node Log() => throw DeclarationOnly.Called(nameof(Log));

    /// <summary>Element-wise square root.</summary>
    public Node Sqrt() => throw DeclarationOnly.Called(nameof(Sqrt));

    /// <summary>Element-wise absolute value.</summary>
    public Node Abs() => throw DeclarationOnly.Called(nameof(Abs));

    /// <summary>Element-wise power <c>x^exponent</c> (<c>Pow(2)</c> squares).</summary>
    public Node Pow(double exponent) => throw DeclarationOnly.Called(nameof(Pow));

    /// <summary>Element-wise clamp into [<paramref name="min"/>, <paramref name="max"/>]; either bound may be left out.</summary>
    public Node Clamp(double? min = null, double? max = null) => throw DeclarationOnly.Called(nameof(Clamp));

    /// <summary>Standard normal noise shaped like this node, drawn anew on every forward (training and eval): a VAE's epsilon.</summary>
    public Node RandomNormalLike() => throw DeclarationOnly.Called(nameof(RandomNormalLike));

    /// <summary>Softmax along <paramref name="dim"/> (default: the channels / features, 1).</summary>
    public Node Softmax(int dim = 1) => throw DeclarationOnly.Called(nameof(Softmax));

    /// <summary>Log-softmax along <paramref name="dim"/> (default 1).</summary>
    public Node LogSoftmax(int dim = 1) => throw DeclarationOnly.Called(nameof(LogSoftmax));

    /// <summary>Dropout with drop probability <paramref name="p"/>; identity in eval mode.</summary>
    public Node Dropout(double p) => throw DeclarationOnly.Called(nameof(Dropout));

    /// <summary>Channel dropout over <c>[B, C, L]</c>: each channel of each sample is zeroed with probability <paramref name="p"/>; identity in eval mode.</summary>
    public Node Dropout1d(double p) => throw DeclarationOnly.Called(nameof(Dropout1d));

    /// <summary>Channel dropout over <c>[B, C, H, W]</c>: each feature map of each sample is zeroed with probability <paramref name="p"/>; identity in eval mode.</summary>
    public Node Dropout2d(double p) => throw DeclarationOnly.Called(nameof(Dropout2d));

    // ----- arithmetic (element-wise; shapes broadcast as in NumPy: same rank, each size equal or 1 on one side) -----

    public static Node operator +(Node a, Node b) => throw DeclarationOnly.Called("+");

    public static Node operator -(Node a, Node b) => throw DeclarationOnly.Called("-");

    public static Node operator *(Node a, Node b) => throw DeclarationOnly.Called("*");

    public static Node operator /(Node a, Node b) => throw DeclarationOnly.Called("/");

    public static Node operator /(Node a, double b) => throw DeclarationOnly.Called("/");

    public static Node operator /(double a, Node b) => throw DeclarationOnly.Called("/");

    public static Node operator +(Node a, double b) => throw DeclarationOnly.Called("+");

    public static Node operator +(double a, Node b) => throw DeclarationOnly.Called("+");

    public static Node operator -(Node a, double b) => throw DeclarationOnly.Called("-");

    public static Node operator -(double a, Node b) => throw DeclarationOnly.Called("-");

    public static Node operator *(Node a, double b) => throw DeclarationOnly.Called("*");

    public static Node operator *(double a, Node b) => throw DeclarationOnly.Called("*");

    public static Node operator -(Node a) => throw DeclarationOnly.Called("-");

    // ----- broadcasting, repetition and positions (PyTorch's expand, repeat, arange) -----

    /// <summary>
    /// PyTorch's <c>expand</c> after the batch: each size of 1 becomes <paramref name="sizes"/>' entry (-1 keeps a
    /// size), without copying. The batch is kept.
    /// </summary>
    /// <param name="sizes">One per axis after the batch: the new size of an axis of size 1, or -1.</param>
    public Node Expand(params int[] sizes) => throw DeclarationOnly.Called(nameof(Expand));

    /// <summary>
    /// PyTorch's <c>x.expand(batchOf.size(0), ...)</c>: a batch of one (a <c>g.Parameter</c>, a constant) gets the
    /// batch of <paramref name="batchOf"/>; <paramref name="sizes"/> expand the other axes as in <see cref="Expand(int[])"/>
    /// (none: kept). A ViT's <c>[CLS]</c> token: <c>cls.Expand(batchOf: tokens)</c> is <c>[B, 1, D]</c>.
    /// </summary>
    /// <param name="batchOf">The node whose batch size the result takes.</param>
    /// <param name="sizes">One per axis after the batch (the new size of an axis of size 1, or -1), or none.</param>
    public Node Expand(Node batchOf, params int[] sizes) => throw DeclarationOnly.Called(nameof(Expand));

    /// <summary>PyTorch's <c>x.repeat(1, repeats...)</c>: tiles the axes after the batch (one count per axis, at least 1).</summary>
    /// <param name="repeats">How many times each axis after the batch is repeated.</param>
    public Node Repeat(params int[] repeats) => throw DeclarationOnly.Called(nameof(Repeat));

    /// <summary>
    /// The positions 0 to n - 1 along <paramref name="axis"/> (n its size, symbolic or not) as int64 ids <c>[1, n]</c>,
    /// PyTorch's <c>torch.arange(x.size(axis)).unsqueeze(0)</c>: learned position embeddings are
    /// <c>tokens.Positions(1).Embedding(maxLen, dim)</c>, <c>[1, T, dim]</c>, broadcast against <c>[B, T, dim]</c>.
    /// </summary>
    /// <param name="axis">A non-batch axis (negative counts from the back).</param>
    public Node Positions(int axis = 1) => throw DeclarationOnly.Called(nameof(Positions));
}
