namespace Dsl.Data;

/// <summary>A file to download: its name under the base URL, its SHA-256 (hex) and, when known, its length in bytes.</summary>
/// <param name="FileName">The name relative to the base URL; also the name in the cache directory.</param>
/// <param name="Sha256">The expected SHA-256 of the file as downloaded, 64 hex digits (case does not matter).</param>
/// <param name="Length">The expected length in bytes, or <see langword="null"/> to check the hash only.</param>
public sealed record RemoteFile(string FileName, string Sha256, long? Length = null);
