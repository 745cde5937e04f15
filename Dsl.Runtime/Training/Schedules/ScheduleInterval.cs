namespace Dsl.Training.Schedules;

/// <summary>When a learning-rate schedule steps (Lightning's <c>interval</c>).</summary>
public enum ScheduleInterval
{
    /// <summary>Once after every epoch, after validation: counts are in epochs.</summary>
    Epoch,

    /// <summary>After every optimizer step: counts are in batches.</summary>
    Batch,
}
