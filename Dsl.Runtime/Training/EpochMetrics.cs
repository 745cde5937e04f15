using System.Collections.Generic;
using System.Linq;

namespace Dsl.Training;

/// <summary>What one epoch achieved.</summary>
/// <param name="Epoch">The epoch number, starting at 1.</param>
/// <param name="Train">Metrics on the training batches, as seen during the epoch (train mode, dropout on).</param>
/// <param name="Validation">Metrics on the validation dataset after the epoch (eval mode), or null without one.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, validation included.</param>
public sealed record EpochMetrics(int Epoch, EvaluationMetrics Train, EvaluationMetrics? Validation, double Seconds)
{
    /// <summary>
    /// The learning rate of every optimizer parameter group after the epoch's last batch, before an epoch-wise
    /// schedule steps (so the rate the epoch trained with, for a schedule that steps once an epoch), by group name
    /// (<c>"default"</c>, or the <see cref="ParameterGroup.Prefix"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double> LearningRates { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The epoch as a flat Keras-style log: the training metrics (<c>loss</c>, <c>label_accuracy</c>, ...), the
    /// validation metrics with a <c>val_</c> prefix, <c>lr</c> (the first group's learning rate) and
    /// <c>lr/&lt;group&gt;</c> for each group when there are several. What callbacks monitor and log.
    /// </summary>
    public IReadOnlyDictionary<string, double> Scalars()
    {
        var values = new Dictionary<string, double>(Train.Scalars(), System.StringComparer.Ordinal);
        if (Validation is not null)
        {
            foreach (var (name, value) in Validation.Scalars("val_"))
            {
                values[name] = value;
            }
        }

        if (LearningRates.Count > 0)
        {
            values["lr"] = LearningRates.First().Value;
            if (LearningRates.Count > 1)
            {
                foreach (var (group, rate) in LearningRates)
                {
                    values["lr/" + group] = rate;
                }
            }
        }

        return values;
    }
}
