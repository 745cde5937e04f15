using System;

namespace Dsl.Training;

/// <summary>
/// Stops training when the validation total loss has not improved by more than <see cref="MinDelta"/> for
/// <see cref="Patience"/> epochs in a row. Needs a validation dataset.
/// </summary>
/// <param name="Patience">Epochs without improvement tolerated before stopping (at least 1).</param>
/// <param name="MinDelta">The decrease of the validation loss that counts as an improvement.</param>
/// <param name="RestoreBestWeights">
/// When training ends by early stopping or by running all epochs, load the weights of the epoch with the best
/// validation loss (not on cancellation or divergence).
/// </param>
public sealed record EarlyStopping(int Patience, double MinDelta = 0.0, bool RestoreBestWeights = true)
{
    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        if (Patience < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "EarlyStopping.Patience must be at least 1.");
        }

        if (!(MinDelta >= 0) || double.IsInfinity(MinDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "EarlyStopping.MinDelta must be a finite number >= 0.");
        }
    }
}
