namespace Dsl.Training;

/// <summary>The optimizers the trainer supports (those the seed programs use).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma and Ba).</summary>
    Adam,

    /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum.</summary>
    Sgd,

    /// <summary>Adadelta (Zeiler).</summary>
    Adadelta,

    /// <summary>RMSprop (Hinton).</summary>
    RmsProp,
}
