using System;

namespace Dsl.Weights;

/// <summary>
/// A weight file that does not fit the model under the rules asked for (<c>strict: true</c>, or in-order loading
/// with different counts or shapes). Thrown before anything is copied, so the model is unchanged. The message
/// lists every missing, unexpected and mismatched name; <see cref="Report"/> has them as data.
/// </summary>
public sealed class WeightLoadException : Exception
{
    /// <summary>Creates the exception from the report of what would have been loaded.</summary>
    public WeightLoadException(string reason, WeightLoadReport report)
        : base($"{reason}; nothing was loaded.{Environment.NewLine}{report}")
    {
        Report = report;
    }

    /// <summary>What a non-strict load would have done.</summary>
    public WeightLoadReport Report { get; }
}
