namespace Dsl.Training;

/// <summary>What one epoch achieved.</summary>
/// <param name="Epoch">The epoch number, starting at 1.</param>
/// <param name="Train">Metrics on the training batches, as seen during the epoch (train mode, dropout on).</param>
/// <param name="Validation">Metrics on the validation dataset after the epoch (eval mode), or null without one.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, validation included.</param>
public sealed record EpochMetrics(int Epoch, EvaluationMetrics Train, EvaluationMetrics? Validation, double Seconds);
