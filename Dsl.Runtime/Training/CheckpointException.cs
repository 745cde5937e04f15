using System;

namespace Dsl.Training;

/// <summary>
/// A checkpoint cannot be used: it is truncated or corrupt, belongs to another architecture, or was written with
/// other settings. The message names the file and what to do.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckpointException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
