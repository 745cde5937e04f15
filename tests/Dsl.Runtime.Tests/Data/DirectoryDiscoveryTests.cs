using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;

namespace Dsl.Runtime.Tests.Data;

public class DirectoryDiscoveryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_directory_of_four_idx_files_loads_training_samples_first(bool gzip)
    {
        using var temp = new TempDirectory();
        FakeMnist.WriteSet(temp.Path, trainCount: 6, testCount: 4, gzip);

        using MnistData data = MnistData.Load(DataSource.FromDirectory(temp.Path));

        Assert.Equal(10, data.Count);
        Assert.Equal(6, data.TrainCount);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 5, 6, 7, 8], data.Labels.data<long>().ToArray());
        Assert.Equal(2 / 255f, data.Images[2, 0, 27, 27].item<float>());
        Assert.Equal(101 / 255f, data.Images[7, 0, 0, 0].item<float>());
        Assert.Contains("6 training + 4 test samples", data.Description);
        using MnistSplit split = data.Split();
        Assert.Equal(4, split.Test.Count);
    }

    [Fact]
    public void Dotted_names_as_some_archives_unpack_them_are_found()
    {
        using var temp = new TempDirectory();
        FakeMnist.WriteSet(temp.Path, 3, 2, gzip: false);
        File.Move(temp.File("train-images-idx3-ubyte"), temp.File("train-images.idx3-ubyte"));

        MnistFiles files = MnistFiles.Find(temp.Path);

        Assert.Equal(temp.File("train-images.idx3-ubyte"), files.TrainImages);
        Assert.Equal(temp.File("t10k-labels-idx1-ubyte"), files.TestLabels);
    }

    [Fact]
    public void A_missing_directory_names_it_and_says_what_to_pass()
    {
        using var temp = new TempDirectory();
        string missing = temp.File("no-such-dir");

        var error = Assert.Throws<DirectoryNotFoundException>(() => MnistData.Load(DataSource.FromDirectory(missing)));

        Assert.Contains($"the directory {missing} does not exist", error.Message);
        Assert.Contains("pass a directory holding the four IDX files", error.Message);
    }

    [Fact]
    public void A_missing_file_lists_every_name_tried()
    {
        using var temp = new TempDirectory();
        FakeMnist.WriteSet(temp.Path, 3, 2);
        File.Delete(temp.File("t10k-labels-idx1-ubyte.gz"));

        var error = Assert.Throws<FileNotFoundException>(() => MnistFiles.Find(temp.Path));

        Assert.Contains("has no t10k-labels-idx1-ubyte file", error.Message);
        Assert.Contains("t10k-labels-idx1-ubyte.gz, t10k-labels-idx1-ubyte, t10k-labels.idx1-ubyte.gz, t10k-labels.idx1-ubyte", error.Message);
    }

    [Fact]
    public void Images_and_labels_of_different_counts_are_rejected_naming_both_files()
    {
        using var temp = new TempDirectory();
        FakeMnist.WriteSet(temp.Path, 3, 2);
        IdxWriter.Write(temp.File("train-labels-idx1-ubyte.gz"), [4], FakeMnist.Labels(4, 0));

        var error = Assert.Throws<InvalidDataException>(() => MnistData.Load(DataSource.FromDirectory(temp.Path)));

        Assert.Contains("has 4 labels but", error.Message);
        Assert.Contains("train-images-idx3-ubyte.gz has 3 images", error.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_rejected()
    {
        using var temp = new TempDirectory();
        FakeMnist.WriteSet(temp.Path, 3, 2);
        IdxWriter.Write(temp.File("t10k-labels-idx1-ubyte.gz"), [2], [1, 12]);

        var error = Assert.Throws<InvalidDataException>(() => MnistData.Load(DataSource.FromDirectory(temp.Path)));

        Assert.Contains("label 12 at index 1 is outside 0..9", error.Message);
    }

    [Fact]
    public void Fashion_in_a_missing_directory_says_how_to_install_it()
    {
        using var temp = new TempDirectory();
        string missing = temp.File("fashion-mnist");

        var error = Assert.Throws<DirectoryNotFoundException>(() => MnistData.Load(DataSource.Fashion(missing)));

        Assert.Contains("Fashion-MNIST was not found", error.Message);
        Assert.Contains(missing, error.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains("or pass a directory holding the four Fashion-MNIST IDX files", error.Message);
    }

    [Fact]
    public void Fashion_discovery_loads_a_directory_with_fashion_class_names()
    {
        using var temp = new TempDirectory();
        FakeMnist.WriteSet(temp.Path, 5, 3);

        using MnistData data = MnistData.Load(DataSource.Fashion(temp.Path));

        Assert.Equal(8, data.Count);
        Assert.Equal("Ankle boot", data.ClassNames[9]);
        Assert.StartsWith("Fashion-MNIST from ", data.Description);
    }

    [Fact]
    public void Installed_fashion_mnist_loads_sixty_thousand_plus_ten_thousand_when_present()
    {
        // Debian's dataset-fashion-mnist; CI does not install it, so this asserts only where it is present.
        if (!Directory.Exists(FashionMnist.DefaultDirectory))
        {
            return;
        }

        using MnistData data = MnistData.Load(DataSource.Fashion());

        Assert.Equal(70_000, data.Count);
        Assert.Equal(60_000, data.TrainCount);
        Assert.Equal(new long[] { 70_000, 1, 28, 28 }, data.Images.shape);
        Assert.Equal(9L, data.Labels[0].item<long>());
        Assert.Equal(9L, data.Labels[60_000].item<long>());
    }

    [Theory]
    [InlineData("embedded", typeof(DataSource.EmbeddedSource))]
    [InlineData("Fashion", typeof(DataSource.FashionSource))]
    [InlineData("download", typeof(DataSource.DownloadSource))]
    [InlineData("https://example.org/mnist", typeof(DataSource.DownloadSource))]
    [InlineData("some/dir", typeof(DataSource.DirectorySource))]
    public void Command_line_words_name_sources(string text, System.Type expected)
    {
        Assert.IsType(expected, DataSource.Parse(text));
    }
}
