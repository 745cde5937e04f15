using System;
using System.Collections.Generic;

namespace Dsl.Data;

/// <summary>
/// Where <see cref="MnistData.Load(DataSource?, System.Threading.CancellationToken)"/> takes its data from: the embedded
/// 10,000 digits (default), Fashion-MNIST as installed by Debian, a directory holding the four IDX files, or a download
/// of the full MNIST into a cache.
/// </summary>
public abstract record DataSource
{
    private protected DataSource()
    {
    }

    /// <summary>The 10,000 real MNIST digits embedded in Dsl.Runtime: works offline on a fresh machine.</summary>
    public static DataSource Embedded { get; } = new EmbeddedSource();

    /// <summary>Fashion-MNIST from <paramref name="directory"/> (default <see cref="FashionMnist.DefaultDirectory"/>).</summary>
    public static DataSource Fashion(string? directory = null) => new FashionSource(directory ?? FashionMnist.DefaultDirectory);

    /// <summary>An MNIST-format dataset from a directory holding its four IDX files (see <see cref="MnistFiles.Find(string)"/>).</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="classNames">The class names by label; default the digits.</param>
    public static DataSource FromDirectory(string directory, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new DirectorySource(directory, classNames ?? ClassNames.Digits);
    }

    /// <summary>The full MNIST (60,000 + 10,000), downloaded from <paramref name="baseUrl"/> into <paramref name="cacheDirectory"/> once.</summary>
    /// <param name="baseUrl">Default <see cref="MnistDownloadOptions.DefaultBaseUrl"/>.</param>
    /// <param name="cacheDirectory">Default <see cref="MnistDownloadOptions.DefaultCacheDirectory"/>.</param>
    public static DataSource Download(Uri? baseUrl = null, string? cacheDirectory = null)
    {
        var options = new MnistDownloadOptions();
        return new DownloadSource(options with
        {
            BaseUrl = baseUrl ?? options.BaseUrl,
            CacheDirectory = cacheDirectory ?? options.CacheDirectory,
        });
    }

    /// <summary>A download with every option given (files, hashes, timeout, class names).</summary>
    public static DataSource Download(MnistDownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DownloadSource(options);
    }

    /// <summary>
    /// Reads a source from a command-line word: <c>embedded</c>, <c>fashion</c>, <c>download</c> (the default mirror),
    /// an <c>http://</c> or <c>https://</c> base URL to download from, or else a directory path.
    /// </summary>
    public static DataSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return text.Trim() switch
        {
            var t when t.Equals("embedded", StringComparison.OrdinalIgnoreCase) => Embedded,
            var t when t.Equals("fashion", StringComparison.OrdinalIgnoreCase) => Fashion(),
            var t when t.Equals("download", StringComparison.OrdinalIgnoreCase) => Download(),
            var t when Uri.TryCreate(t, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                => Download(url),
            var t => FromDirectory(t),
        };
    }

    /// <summary>The embedded 10,000 digits.</summary>
    public sealed record EmbeddedSource : DataSource;

    /// <summary>Fashion-MNIST in <paramref name="Directory"/>.</summary>
    public sealed record FashionSource(string Directory) : DataSource;

    /// <summary>The four IDX files in <paramref name="Directory"/>, with <paramref name="ClassNames"/> by label.</summary>
    public sealed record DirectorySource(string Directory, IReadOnlyList<string> ClassNames) : DataSource;

    /// <summary>A download described by <paramref name="Options"/>.</summary>
    public sealed record DownloadSource(MnistDownloadOptions Options) : DataSource;
}
