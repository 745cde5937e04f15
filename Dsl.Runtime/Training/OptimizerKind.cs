namespace Dsl.Training;

/// <summary>The optimizers the trainer supports (those the seed programs use, and AdamW).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma and Ba); its weight decay is L2 regularization added to the gradient.</summary>
    Adam,

    /// <summary>AdamW (Loshchilov and Hutter): Adam with weight decay decoupled from the gradient.</summary>
    AdamW,

    /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum.</summary>
    Sgd,

    /// <summary>Adadelta (Zeiler).</summary>
    Adadelta,

    /// <summary>RMSprop (Hinton).</summary>
    RmsProp,
}
