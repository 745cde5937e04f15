using System;
using System.IO;

namespace Dsl.Data;

/// <summary>
/// Builds the <see cref="InvalidDataException"/>s of the data readers: the message starts with the file, and the file
/// is also kept in <see cref="Exception.Data"/> under <see cref="SourceKey"/>.
/// </summary>
internal static class IdxErrors
{
    /// <summary>The <see cref="Exception.Data"/> key holding the file path or resource name.</summary>
    public const string SourceKey = "Dsl.Data.Source";

    public static InvalidDataException Invalid(string source, string message, Exception? inner = null)
    {
        var exception = new InvalidDataException($"{source}: {message}", inner);
        exception.Data[SourceKey] = source;
        return exception;
    }

    public static bool IsOurs(Exception exception) => exception.Data.Contains(SourceKey);
}
