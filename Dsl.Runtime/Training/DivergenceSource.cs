namespace Dsl.Training;

/// <summary>Which tensor of a training step was the first to hold NaN or infinity (<see cref="TrainingDivergedException.FirstNonFinite"/>).</summary>
public enum DivergenceSource
{
    /// <summary>Not determined (every tensor checked was finite, or the exception was created without a diagnosis).</summary>
    Unknown,

    /// <summary>An input column of the batch: the data holds NaN or infinity.</summary>
    Input,

    /// <summary>A target column of the batch.</summary>
    Target,

    /// <summary>A mask (per-sample weight) column of the batch.</summary>
    Mask,

    /// <summary>A weight or buffer of the model, already non-finite before the batch (loaded so, or an earlier step).</summary>
    Weight,

    /// <summary>An output of the forward pass, from finite inputs and weights: the forward pass overflowed.</summary>
    Output,

    /// <summary>A loss term, from finite outputs and targets.</summary>
    Loss,

    /// <summary>A parameter's gradient, from a finite loss: the backward pass overflowed.</summary>
    Gradient,
}
