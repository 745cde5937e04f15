namespace Dsl.Training;

/// <summary>Which direction of a monitored metric is an improvement (Keras' <c>mode</c>).</summary>
public enum MonitorMode
{
    /// <summary>
    /// <see cref="Max"/> for accuracies, precision, recall, F1 and R² (names ending in <c>accuracy</c>,
    /// <c>precision</c>, <c>recall</c>, <c>f1</c>, <c>r2</c>), <see cref="Min"/> for everything else (losses, errors).
    /// </summary>
    Auto,

    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}
