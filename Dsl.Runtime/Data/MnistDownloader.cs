using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Dsl.Data;

/// <summary>
/// Downloads the four files of an MNIST-format dataset into a cache directory, verifying each one's length and
/// SHA-256. A file is fetched into a temporary file in the cache directory and renamed into place only once it is
/// verified, so the cache never holds a half-written or wrong file; cached files whose hash matches are not fetched
/// again.
/// </summary>
public static class MnistDownloader
{
    private const string PartSuffix = ".part";

    /// <summary>Makes sure the four files are in the cache (downloading what is missing) and returns their paths.</summary>
    /// <exception cref="DataDownloadException">A file could not be downloaded intact; the cache holds no part of it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<MnistFiles> DownloadAsync(MnistDownloadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.CacheDirectory);

        using var client = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        foreach (RemoteFile file in options.Files)
        {
            await EnsureCachedAsync(client, options, file, cancellationToken).ConfigureAwait(false);
        }

        return new MnistFiles(
            CachePath(options, options.TrainImages),
            CachePath(options, options.TrainLabels),
            CachePath(options, options.TestImages),
            CachePath(options, options.TestLabels));
    }

    /// <summary>The URL <paramref name="file"/> is downloaded from.</summary>
    public static Uri UrlOf(MnistDownloadOptions options, RemoteFile file)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(file);
        string baseUrl = options.BaseUrl.AbsoluteUri;
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), file.FileName);
    }

    private static string CachePath(MnistDownloadOptions options, RemoteFile file) =>
        Path.Combine(options.CacheDirectory, file.FileName);

    private static async Task EnsureCachedAsync(HttpClient client, MnistDownloadOptions options, RemoteFile file, CancellationToken cancellationToken)
    {
        string target = CachePath(options, file);
        if (File.Exists(target))
        {
            if (await MatchesAsync(target, file, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // A damaged or outdated cached copy: replace it (the rename below overwrites it only once verified).
        }

        Uri url = UrlOf(options, file);
        string temp = Path.Combine(options.CacheDirectory, $"{file.FileName}.{Guid.NewGuid():N}{PartSuffix}");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                await FetchVerifiedAsync(client, url, file, temp, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DataDownloadException(
                    url,
                    $"Downloading {url} timed out after {options.Timeout.TotalSeconds:0} s. Check the network, or raise " +
                    $"{nameof(MnistDownloadOptions)}.{nameof(MnistDownloadOptions.Timeout)}.",
                    e);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static async Task FetchVerifiedAsync(HttpClient client, Uri url, RemoteFile file, string temp, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DataDownloadException(url, $"Could not download {url}: {e.Message}. Check the network and the base URL.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DataDownloadException(
                    url,
                    $"Could not download {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}. " +
                    "Check the base URL, or download the four files by hand and pass their directory.");
            }

            long? declared = response.Content.Headers.ContentLength;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long received = 0;
            try
            {
                await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    received += read;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && e is not DataDownloadException)
            {
                throw new DataDownloadException(
                    url,
                    $"The transfer of {url} was cut off after {DataText.Count(received)} bytes" +
                    (declared is long total ? $" of {DataText.Count(total)}" : string.Empty) +
                    $" ({e.Message}). Nothing was kept; try again.",
                    e);
            }

            if (declared is long announced && received != announced)
            {
                throw new DataDownloadException(
                    url,
                    $"The transfer of {url} was cut off: the server announced {DataText.Count(announced)} bytes but sent " +
                    $"{DataText.Count(received)}. Nothing was kept; try again.");
            }

            if (file.Length is long expectedLength && received != expectedLength)
            {
                throw new DataDownloadException(
                    url,
                    $"{url} has the wrong length: expected {DataText.Count(expectedLength)} bytes, received {DataText.Count(received)}. " +
                    "Nothing was kept. The mirror may serve a different file: check the base URL, or the expected length and SHA-256.");
            }

            string actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new DataDownloadException(
                    url,
                    $"{url} failed its checksum: expected SHA-256 {file.Sha256.ToLowerInvariant()}, got {actual} " +
                    $"({DataText.Count(received)} bytes). Nothing was kept. Try again; if it repeats, the mirror serves a " +
                    "different file: check the base URL, or the expected SHA-256.");
            }
        }
    }

    private static async Task<bool> MatchesAsync(string path, RemoteFile file, CancellationToken cancellationToken)
    {
        if (file.Length is long length && new FileInfo(path).Length != length)
        {
            return false;
        }

        await using FileStream stream = File.OpenRead(path);
        byte[] digest = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return string.Equals(Convert.ToHexStringLower(digest), file.Sha256, StringComparison.OrdinalIgnoreCase);
    }
}
