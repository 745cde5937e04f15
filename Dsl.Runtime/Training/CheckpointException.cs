using System;

namespace Dsl.Training;

/// <summary>
/// A checkpoint cannot be written (a full disk, a directory without write permission) or cannot be used: it is
/// truncated or corrupt (its checksum does not match), belongs to another architecture, or was written with other
/// settings. The message names the file or directory and what to do: what to free, where to write instead, or
/// how to start over.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckpointException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
