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

    /// <summary>Weights each sample by the target <paramref name="mask"/> ([B] float) and takes the masked mean.</summary>
    public LossTerm MaskedBy(string mask) => throw DeclarationOnly.Called(nameof(MaskedBy));
}

/// <summary>The loss functions of the DSL.</summary>
public static class Loss
{
    /// <summary>Cross entropy on logits <c>[B, C, ...]</c>: class indices (int64) or, with <paramref name="soft"/>, probabilities.</summary>
    /// <param name="soft">True: the target is probabilities <c>[B, C]</c> (one-hot or soft labels) instead of class indices.</param>
    /// <param name="labelSmoothing">In [0, 1): that share of each target's probability is spread evenly over the classes (PyTorch's <c>label_smoothing</c>).</param>
    public static LossFunction CrossEntropy(bool soft = false, double labelSmoothing = 0) => throw DeclarationOnly.Called(nameof(CrossEntropy));

    /// <summary>Binary cross entropy on probabilities in [0, 1].</summary>
    public static LossFunction BinaryCrossEntropy(Node? target = null) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropy));

    /// <summary>Binary cross entropy on logits.</summary>
    /// <param name="posWeight">The weight of the positive class's term (PyTorch's <c>pos_weight</c>): above 1 for rare positives.</param>
    public static LossFunction BinaryCrossEntropyWithLogits(double posWeight = 1.0) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropyWithLogits));

    /// <summary>Huber loss (smooth L1): squared error below <paramref name="delta"/>, linear above; robust to outliers.</summary>
    /// <param name="delta">Where the loss turns from quadratic to linear.</param>
    /// <param name="target">Makes it self-supervised on a node of the graph.</param>
    public static LossFunction Huber(double delta = 1.0, Node? target = null) => throw DeclarationOnly.Called(nameof(Huber));

    /// <summary>Negative log-likelihood of log-probabilities <c>[B, C, ...]</c> (a <c>LogSoftmax</c> output) against class indices (int64).</summary>
    public static LossFunction Nll() => throw DeclarationOnly.Called(nameof(Nll));

    /// <summary>KL divergence of a target distribution <c>[B, C]</c> (probabilities) from predicted log-probabilities <c>[B, C]</c> (a <c>LogSoftmax</c> output), summed over classes, averaged over the batch.</summary>
    public static LossFunction KlDivergence() => throw DeclarationOnly.Called(nameof(KlDivergence));

    /// <summary>Mean squared error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
    public static LossFunction Mse(Node? target = null) => throw DeclarationOnly.Called(nameof(Mse));

    /// <summary>Mean absolute error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
    public static LossFunction Mae(Node? target = null) => throw DeclarationOnly.Called(nameof(Mae));

    /// <summary>Contrastive loss on a <c>[B, 1]</c> distance with a <c>[B, 1]</c> "same" target.</summary>
    public static LossFunction Contrastive(double margin = 1.0) => throw DeclarationOnly.Called(nameof(Contrastive));
}
