namespace Dsl;

/// <summary>A loss function for <see cref="Graph.Loss"/>. Read by the source generator; never executed.</summary>
public sealed class LossFunction
{
    private LossFunction()
    {
    }
}

/// <summary>A declared loss term; <see cref="MaskedBy"/> restricts it to the samples a mask selects.</summary>
public sealed class LossTerm
{
    private LossTerm()
    {
    }

    /// <summary>
    /// Weights the loss by the target <paramref name="mask"/> (float, non-negative) and takes the weighted mean
    /// sum(w l) / sum(w); a batch whose weights are all 0 contributes 0.
    /// </summary>
    /// <param name="mask">The name of the mask column in <c>Targets</c> and in batches.</param>
    /// <param name="perPosition">False: one weight per sample, <c>[B]</c> (each sample's loss is first averaged over
    /// its positions). True: one weight per position of the per-sample loss, <c>[B, T]</c> for a cross entropy over
    /// <c>[B, T, V]</c>, <c>[B, H, W]</c> for a segmentation map, the prediction's shape for an element-wise loss.</param>
    public LossTerm MaskedBy(string mask, bool perPosition = false) => throw DeclarationOnly.Called(nameof(MaskedBy));
}

/// <summary>The loss functions of the DSL.</summary>
public static class Loss
{
    /// <summary>
    /// Cross entropy on logits: <c>[B, C]</c>, channels first <c>[B, C, d...]</c> (a segmentation map) or features
    /// last <c>[B, T, C]</c> (a sequence); against class indices (int64) of the prediction's shape without the class
    /// axis or, with <paramref name="soft"/>, probabilities of the prediction's shape.
    /// </summary>
    /// <param name="soft">True: the target is probabilities of the prediction's shape (one-hot or soft labels) instead of class indices.</param>
    /// <param name="labelSmoothing">In [0, 1): that share of each target's probability is spread evenly over the classes (PyTorch's <c>label_smoothing</c>).</param>
    /// <param name="classDim">The axis of the classes (negative counts from the back: -1 is the last); when left out
    /// it is read from the prediction's layout, and a layout that does not tell is an error.</param>
    /// <param name="ignoreIndex">A class index whose targets are left out of the loss and of its mean (PyTorch's
    /// <c>ignore_index</c>, often -100 or a padding token); none unless given.</param>
    /// <param name="target">An int64 node of class indices to compare with (self-supervised, e.g. the next tokens
    /// <c>tokens.Slice(1, 1)</c>) instead of a target column; with <paramref name="soft"/>, a node of probabilities.</param>
    public static LossFunction CrossEntropy(bool soft = false, double labelSmoothing = 0, int? classDim = null, long? ignoreIndex = null, Node? target = null) => throw DeclarationOnly.Called(nameof(CrossEntropy));

    /// <summary>Binary cross entropy on probabilities in [0, 1].</summary>
    public static LossFunction BinaryCrossEntropy(Node? target = null) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropy));

    /// <summary>Binary cross entropy on logits.</summary>
    /// <param name="posWeight">The weight of the positive class's term (PyTorch's <c>pos_weight</c>): above 1 for rare positives.</param>
    public static LossFunction BinaryCrossEntropyWithLogits(double posWeight = 1.0) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropyWithLogits));

    /// <summary>Huber loss (smooth L1): squared error below <paramref name="delta"/>, linear above; robust to outliers.</summary>
    /// <param name="delta">Where the loss turns from quadratic to linear.</param>
    /// <param name="target">Makes it self-supervised on a node of the graph.</param>
    public static LossFunction Huber(double delta = 1.0, Node? target = null) => throw DeclarationOnly.Called(nameof(Huber));

    /// <summary>Negative log-likelihood of log-probabilities (a <c>LogSoftmax</c> output, classes on its axis) against class indices (int64).</summary>
    /// <param name="classDim">The axis of the classes, as for <see cref="CrossEntropy"/>.</param>
    /// <param name="ignoreIndex">A class index whose targets are left out (PyTorch's <c>ignore_index</c>); none unless given.</param>
    /// <param name="target">An int64 node of class indices to compare with instead of a target column.</param>
    public static LossFunction Nll(int? classDim = null, long? ignoreIndex = null, Node? target = null) => throw DeclarationOnly.Called(nameof(Nll));

    /// <summary>KL divergence of a target distribution <c>[B, C]</c> (probabilities) from predicted log-probabilities <c>[B, C]</c> (a <c>LogSoftmax</c> output), summed over classes, averaged over the batch.</summary>
    public static LossFunction KlDivergence() => throw DeclarationOnly.Called(nameof(KlDivergence));

    /// <summary>Mean squared error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
    public static LossFunction Mse(Node? target = null) => throw DeclarationOnly.Called(nameof(Mse));

    /// <summary>Mean absolute error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
    public static LossFunction Mae(Node? target = null) => throw DeclarationOnly.Called(nameof(Mae));

    /// <summary>Contrastive loss on a <c>[B, 1]</c> distance with a <c>[B, 1]</c> "same" target.</summary>
    public static LossFunction Contrastive(double margin = 1.0) => throw DeclarationOnly.Called(nameof(Contrastive));
}
