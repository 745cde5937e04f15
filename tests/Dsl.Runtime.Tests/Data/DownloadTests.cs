using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;

namespace Dsl.Runtime.Tests.Data;

/// <summary>Downloads from a local HTTP server serving small fake MNIST files.</summary>
public sealed class DownloadTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHttpServer server = new();
    private readonly MnistDownloadOptions options;

    public DownloadTests()
    {
        string source = Path.Combine(temp.Path, "source");
        Directory.CreateDirectory(source);
        FakeMnist.WriteSet(source, trainCount: 7, testCount: 3);
        RemoteFile Publish(string name)
        {
            byte[] body = File.ReadAllBytes(Path.Combine(source, name));
            server.Serve(name, body);
            return new RemoteFile(name, Convert.ToHexStringLower(SHA256.HashData(body)), body.Length);
        }

        options = new MnistDownloadOptions
        {
            BaseUrl = server.BaseUrl,
            CacheDirectory = Path.Combine(temp.Path, "cache"),
            TrainImages = Publish("train-images-idx3-ubyte.gz"),
            TrainLabels = Publish("train-labels-idx1-ubyte.gz"),
            TestImages = Publish("t10k-images-idx3-ubyte.gz"),
            TestLabels = Publish("t10k-labels-idx1-ubyte.gz"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public void Dispose()
    {
        server.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Verified_files_land_in_the_cache_and_load()
    {
        using MnistData data = MnistData.Load(DataSource.Download(options));

        Assert.Equal(10, data.Count);
        Assert.Equal(7, data.TrainCount);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 5, 6, 7], data.Labels.data<long>().ToArray());
        Assert.Equal(4, server.RequestCount);
        Assert.Equal(MnistFiles.StandardNames.Select(n => n + ".gz").Order(), CacheFileNames());
        Assert.Contains($"downloaded from {server.BaseUrl}", data.Description);
    }

    [Fact]
    public void A_second_load_uses_the_cache_without_contacting_the_server()
    {
        using (MnistData.Load(DataSource.Download(options)))
        {
        }

        using MnistData again = MnistData.Load(DataSource.Download(options));

        Assert.Equal(4, server.RequestCount);
        Assert.Equal(10, again.Count);
    }

    [Fact]
    public void A_damaged_cached_file_is_downloaded_again()
    {
        using (MnistData.Load(DataSource.Download(options)))
        {
        }

        File.WriteAllBytes(Path.Combine(options.CacheDirectory, "t10k-labels-idx1-ubyte.gz"), [1, 2, 3]);
        using MnistData again = MnistData.Load(DataSource.Download(options));

        Assert.Equal(5, server.RequestCount);
        Assert.Equal(10, again.Count);
    }

    [Fact]
    public void A_checksum_mismatch_names_url_and_hashes_and_leaves_nothing_in_the_cache()
    {
        string wrong = new('0', 64);
        MnistDownloadOptions bad = options with { TrainImages = options.TrainImages with { Sha256 = wrong } };

        var error = Assert.Throws<DataDownloadException>(() => MnistData.Load(DataSource.Download(bad)));

        Uri url = new(server.BaseUrl, "train-images-idx3-ubyte.gz");
        Assert.Equal(url, error.Url);
        Assert.Contains($"{url} failed its checksum: expected SHA-256 {wrong}, got {options.TrainImages.Sha256}", error.Message);
        Assert.Contains("Nothing was kept", error.Message);
        Assert.Empty(CacheFileNames());
    }

    [Fact]
    public void A_length_mismatch_is_reported_before_the_hash()
    {
        MnistDownloadOptions bad = options with { TestLabels = options.TestLabels with { Length = 999 } };

        var error = Assert.Throws<DataDownloadException>(() => MnistData.Load(DataSource.Download(bad)));

        Assert.Contains("has the wrong length: expected 999 bytes, received", error.Message);
        Assert.DoesNotContain("t10k-labels-idx1-ubyte.gz", CacheFileNames());
        Assert.DoesNotContain(CacheFileNames(), name => name.EndsWith(".part", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_off_transfer_is_reported_and_leaves_nothing_in_the_cache()
    {
        byte[] body = File.ReadAllBytes(Path.Combine(temp.Path, "source", "train-images-idx3-ubyte.gz"));
        server.Serve("train-images-idx3-ubyte.gz", body, cutAfter: body.Length / 2);

        var error = Assert.Throws<DataDownloadException>(() => MnistData.Load(DataSource.Download(options)));

        Assert.Contains($"The transfer of {new Uri(server.BaseUrl, "train-images-idx3-ubyte.gz")} was cut off", error.Message);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"of {body.Length:N0}"), error.Message);
        Assert.Empty(CacheFileNames());
    }

    [Fact]
    public void A_missing_file_on_the_server_names_the_status()
    {
        MnistDownloadOptions bad = options with { TestImages = options.TestImages with { FileName = "absent.gz" } };

        var error = Assert.Throws<DataDownloadException>(() => MnistData.Load(DataSource.Download(bad)));

        Assert.Contains("absent.gz: the server answered 404", error.Message);
        Assert.DoesNotContain(CacheFileNames(), name => name.StartsWith("absent", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_url_without_a_trailing_slash_still_points_into_its_folder()
    {
        var noSlash = new Uri(server.BaseUrl.AbsoluteUri.TrimEnd('/'));

        Uri url = MnistDownloader.UrlOf(options with { BaseUrl = noSlash }, options.TrainLabels);

        Assert.Equal(new Uri(server.BaseUrl, "train-labels-idx1-ubyte.gz"), url);
    }

    [Fact]
    public void The_default_files_are_the_original_mnist_with_published_sizes()
    {
        var defaults = new MnistDownloadOptions();

        Assert.Equal(
            ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"],
            defaults.Files.Select(f => f.FileName));
        Assert.Equal([9_912_422L, 28_881L, 1_648_877L, 4_542L], defaults.Files.Select(f => f.Length!.Value));
        Assert.All(defaults.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        Assert.EndsWith("mnist", defaults.CacheDirectory);
        Assert.Contains($"dsl{Path.DirectorySeparatorChar}", defaults.CacheDirectory);
    }

    private string[] CacheFileNames() =>
        Directory.Exists(options.CacheDirectory)
            ? Directory.GetFiles(options.CacheDirectory).Select(Path.GetFileName).OfType<string>().Order().ToArray()
            : [];
}
