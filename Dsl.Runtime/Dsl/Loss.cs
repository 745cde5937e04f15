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
    public static LossFunction CrossEntropy(bool soft = false) => throw DeclarationOnly.Called(nameof(CrossEntropy));

    /// <summary>Binary cross entropy on probabilities in [0, 1].</summary>
    public static LossFunction BinaryCrossEntropy(Node? target = null) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropy));

    /// <summary>Binary cross entropy on logits.</summary>
    public static LossFunction BinaryCrossEntropyWithLogits() => throw DeclarationOnly.Called(nameof(BinaryCrossEntropyWithLogits));

    /// <summary>Mean squared error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
    public static LossFunction Mse(Node? target = null) => throw DeclarationOnly.Called(nameof(Mse));

    /// <summary>Mean absolute error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
    public static LossFunction Mae(Node? target = null) => throw DeclarationOnly.Called(nameof(Mae));

    /// <summary>Contrastive loss on a <c>[B, 1]</c> distance with a <c>[B, 1]</c> "same" target.</summary>
    public static LossFunction Contrastive(double margin = 1.0) => throw DeclarationOnly.Called(nameof(Contrastive));
}
