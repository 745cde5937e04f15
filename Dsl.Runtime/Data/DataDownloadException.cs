using System;
using System.IO;

namespace Dsl.Data;

/// <summary>
/// A dataset file could not be downloaded intact: HTTP error, cut-off transfer, wrong length or wrong SHA-256, or a
/// timeout. The message names the URL, what was expected and found, and what to do; nothing half-written is left in
/// the cache.
/// </summary>
public sealed class DataDownloadException : IOException
{
    /// <summary>Creates the exception for <paramref name="url"/>.</summary>
    public DataDownloadException(Uri url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
    }

    /// <summary>The URL that failed.</summary>
    public Uri Url { get; }
}
